package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.kit.error.TijianException;

/** Every transition the workflow allows, and every one it forbids. */
class WorkflowTest {

    /** The allowed moves, written out once more by hand so that a change to the table shows up here. */
    private static final Map<Action, Map<ProblemStatus, ProblemStatus>> ALLOWED = Map.of(
            Action.CONFIRM, Map.of(ProblemStatus.IDENTIFIED, ProblemStatus.CONFIRMED),
            Action.DISMISS, Map.of(ProblemStatus.IDENTIFIED, ProblemStatus.DISMISSED,
                    ProblemStatus.CONFIRMED, ProblemStatus.DISMISSED),
            Action.ASSIGN, Map.of(ProblemStatus.CONFIRMED, ProblemStatus.ASSIGNED,
                    ProblemStatus.ASSIGNED, ProblemStatus.ASSIGNED,
                    ProblemStatus.IN_PROGRESS, ProblemStatus.ASSIGNED,
                    ProblemStatus.REOPENED, ProblemStatus.ASSIGNED),
            Action.START, Map.of(ProblemStatus.ASSIGNED, ProblemStatus.IN_PROGRESS,
                    ProblemStatus.REOPENED, ProblemStatus.IN_PROGRESS),
            Action.REPORT_PROGRESS, Map.of(ProblemStatus.IN_PROGRESS, ProblemStatus.IN_PROGRESS),
            Action.REPORT_FIXED, Map.of(ProblemStatus.IN_PROGRESS, ProblemStatus.REPORTED_FIXED),
            Action.VERIFY, Map.of(ProblemStatus.REPORTED_FIXED, ProblemStatus.VERIFIED),
            Action.REOPEN, Map.of(ProblemStatus.REPORTED_FIXED, ProblemStatus.REOPENED,
                    ProblemStatus.VERIFIED, ProblemStatus.REOPENED));

    /** A valid command for each action. */
    static WorkflowCommand command(Action action) {
        WorkflowCommand command = WorkflowCommand.of(action);
        switch (action) {
            case DISMISS, REOPEN:
                return command.because("复核不属实");
            case ASSIGN:
                return command.assignTo("water", LocalDate.of(2025, 9, 30));
            case REPORT_PROGRESS, REPORT_FIXED:
                return command.saying("已完成管网改造", List.of("evidence://photo/1"));
            case VERIFY:
                return command.inspected("现场核查记录 2025-10-01");
            default:
                return command;
        }
    }

    static Problem walk(Problem problem, Action... actions) {
        Problem current = problem;
        for (Action action : actions) {
            current = current.apply(command(action), "tester", Instant.now()).after();
        }
        return current;
    }

    /** A problem in {@code status}, reached through the workflow (with a unit assigned wherever it was assigned). */
    static Problem in(ProblemStatus status) {
        Problem identified = Problem.identify(ProblemTest.result("3601", "U01", Verdict.FAIL, "64"), ProblemTest.opening(),
                Instant.now()).orElseThrow();
        switch (status) {
            case IDENTIFIED:
                return identified;
            case CONFIRMED:
                return walk(identified, Action.CONFIRM);
            case DISMISSED:
                return walk(identified, Action.DISMISS);
            case ASSIGNED:
                return walk(identified, Action.CONFIRM, Action.ASSIGN);
            case IN_PROGRESS:
                return walk(identified, Action.CONFIRM, Action.ASSIGN, Action.START);
            case REPORTED_FIXED:
                return walk(identified, Action.CONFIRM, Action.ASSIGN, Action.START, Action.REPORT_FIXED);
            case VERIFIED:
                return walk(identified, Action.CONFIRM, Action.ASSIGN, Action.START, Action.REPORT_FIXED, Action.VERIFY);
            case REOPENED:
                return walk(identified, Action.CONFIRM, Action.ASSIGN, Action.START, Action.REPORT_FIXED, Action.REOPEN);
            default:
                throw new IllegalArgumentException(status.name());
        }
    }

    private static final Set<Action> BY_PEOPLE = EnumSet.of(Action.CONFIRM, Action.DISMISS, Action.ASSIGN, Action.START,
            Action.REPORT_PROGRESS, Action.REPORT_FIXED, Action.VERIFY, Action.REOPEN);

    @ParameterizedTest
    @EnumSource(ProblemStatus.class)
    void everyActionFromEveryStatusIsAllowedOrForbiddenAsTheTableSays(ProblemStatus from) {
        Problem problem = in(from);
        for (Action action : BY_PEOPLE) {
            ProblemStatus expected = ALLOWED.get(action).get(from);
            if (expected == null) {
                assertThatThrownBy(() -> problem.apply(command(action), "tester", Instant.now()))
                        .as("%s from %s", action, from)
                        .isInstanceOfSatisfying(TijianException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(LedgerError.TRANSITION_NOT_ALLOWED));
                assertThat(Workflow.next(from, action)).isEmpty();
            } else {
                Problem.Change change = problem.apply(command(action), "tester", Instant.now());
                assertThat(change.after().status()).as("%s from %s", action, from).isEqualTo(expected);
                assertThat(change.after().version()).isEqualTo(problem.version() + 1);
                assertThat(change.entry().fromStatus()).isEqualTo(from);
                assertThat(change.entry().toStatus()).isEqualTo(expected);
                assertThat(change.entry().action()).isEqualTo(action);
                assertThat(change.entry().actor()).isEqualTo("tester");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Action.class, names = {"IDENTIFY", "RESULT_UPDATED", "PASSED_WITHOUT_REPORT", "OVERDUE",
            "CARRIED_OVER", "CLASS_RAISED"})
    void systemActionsAreNotForPeople(Action action) {
        assertThatThrownBy(() -> in(ProblemStatus.IDENTIFIED).apply(WorkflowCommand.of(action), "tester", Instant.now()))
                .isInstanceOfSatisfying(TijianException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(LedgerError.BAD_COMMAND));
    }

    @Test
    void dismissAndReopenNeedAReason() {
        assertError(in(ProblemStatus.IDENTIFIED), WorkflowCommand.of(Action.DISMISS), LedgerError.REASON_REQUIRED);
        assertError(in(ProblemStatus.VERIFIED), WorkflowCommand.of(Action.REOPEN).because(" "), LedgerError.REASON_REQUIRED);
        Problem dismissed = in(ProblemStatus.DISMISSED);
        assertThat(dismissed.status()).isEqualTo(ProblemStatus.DISMISSED);
    }

    @Test
    void assigningNeedsAUnitAndATimeLimitedProblemADeadline() {
        Problem confirmed = in(ProblemStatus.CONFIRMED);
        assertError(confirmed, WorkflowCommand.of(Action.ASSIGN), LedgerError.UNIT_REQUIRED);
        assertThat(confirmed.rectificationClass()).isEqualTo(RectificationClass.BEST_EFFORT);
        Problem bestEffort = confirmed.apply(WorkflowCommand.of(Action.ASSIGN).assignTo("water", null), "o", Instant.now())
                .after();
        assertThat(bestEffort.deadline()).isNull();

        Problem timeLimited = Problem.identify(ProblemTest.result("3601", "U01", Verdict.FAIL, "64"),
                new Problem.Opening(new ClassingPolicy(null, Set.of("U01"), null, null, null, 30, null),
                        AreaPath.fromCode("3601", null), null, null, 0, LocalDate.of(2025, 6, 1)), Instant.now()).orElseThrow();
        assertThat(timeLimited.deadline()).isEqualTo(LocalDate.of(2025, 7, 1));
        Problem assigned = walk(timeLimited, Action.CONFIRM).apply(WorkflowCommand.of(Action.ASSIGN).assignTo("water", null),
                "o", Instant.now()).after();
        assertThat(assigned.deadline()).isEqualTo(LocalDate.of(2025, 7, 1));
        assertThat(assigned.responsibleUnit()).isEqualTo("water");
    }

    @Test
    void progressNeedsTextAndKeepsEvidenceInTheHistory() {
        Problem started = in(ProblemStatus.IN_PROGRESS);
        assertError(started, WorkflowCommand.of(Action.REPORT_PROGRESS), LedgerError.TEXT_REQUIRED);
        Problem.Change change = started.apply(command(Action.REPORT_PROGRESS), "unit", Instant.now());
        assertThat(change.entry().payload()).containsEntry("evidence", List.of("evidence://photo/1"));
    }

    @Test
    void verifyingByInspectionNeedsARecord() {
        assertError(in(ProblemStatus.REPORTED_FIXED), WorkflowCommand.of(Action.VERIFY), LedgerError.INSPECTION_REQUIRED);
        Problem verified = in(ProblemStatus.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo("INSPECTION");
        assertThat(verified.verifiedAt()).isNotNull();
    }

    private static void assertError(Problem problem, WorkflowCommand command, LedgerError error) {
        assertThatThrownBy(() -> problem.apply(command, "tester", Instant.now()))
                .isInstanceOfSatisfying(TijianException.class, e -> assertThat(e.errorCode()).isEqualTo(error));
    }
}
