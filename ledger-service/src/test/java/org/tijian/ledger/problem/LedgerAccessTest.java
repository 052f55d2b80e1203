package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;

class LedgerAccessTest {

    private static TijianUser user(Role role, String area, String unit) {
        return new TijianUser("u", "u", Set.of(role), null, area == null ? List.of() : List.of(area), unit);
    }

    private static final Problem ASSIGNED = WorkflowTest.in(ProblemStatus.ASSIGNED); // area 3601, unit water

    @Test
    void officialsActInTheirSubtreeOnly() {
        assertThatCode(() -> LedgerAccess.checkAction(user(Role.CITY_OFFICIAL, "3601", null), ASSIGNED, Action.CONFIRM))
                .doesNotThrowAnyException();
        denied(() -> LedgerAccess.checkAction(user(Role.DISTRICT_OFFICIAL, "360102", null), ASSIGNED, Action.CONFIRM),
                LedgerError.AREA_NOT_YOURS);
    }

    @Test
    void aUnitWorksOnlyOnItsOwnProblemsAndOnlyOnWork() {
        assertThatCode(() -> LedgerAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "water"), ASSIGNED, Action.START))
                .doesNotThrowAnyException();
        denied(() -> LedgerAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "housing"), ASSIGNED, Action.START),
                LedgerError.NOT_YOUR_UNIT);
        denied(() -> LedgerAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "water"), ASSIGNED, Action.VERIFY),
                LedgerError.ROLE_NOT_ALLOWED);
    }

    @Test
    void aProvincialReviewerReadsEverythingAndChangesNothing() {
        TijianUser reviewer = user(Role.PROVINCIAL_REVIEWER, "36", null);
        assertThatCode(() -> LedgerAccess.checkRead(reviewer, ASSIGNED)).doesNotThrowAnyException();
        denied(() -> LedgerAccess.checkAction(reviewer, ASSIGNED, Action.CONFIRM), LedgerError.ROLE_NOT_ALLOWED);
    }

    @Test
    void queriesAreNarrowedToWhatTheCallerMaySee() {
        ProblemQuery any = new ProblemQuery(null, 2025, null, null, null, null, null, 0, 50);
        assertThat(LedgerAccess.scope(user(Role.CITY_OFFICIAL, "3601", null), any).areaCode()).isEqualTo("3601");
        assertThat(LedgerAccess.scope(user(Role.RESPONSIBLE_UNIT, "3601", "water"), any).responsibleUnit()).isEqualTo("water");
        denied(() -> LedgerAccess.scope(user(Role.DISTRICT_OFFICIAL, "360102", null),
                new ProblemQuery("3601", 2025, null, null, null, null, null, 0, 50)), LedgerError.AREA_NOT_YOURS);
        denied(() -> LedgerAccess.scope(user(Role.DEPARTMENT_SUBMITTER, "3601", null), any), LedgerError.ROLE_NOT_ALLOWED);
    }

    private static void denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, LedgerError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TijianException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(error);
            assertThat(e.errorCode().httpStatus()).isIn(400, 403);
        });
    }
}
