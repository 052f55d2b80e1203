package org.tijian.projects.project;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.tijian.projects.project.WorkflowTest.assertError;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.TijianUser;

class ProjectAccessTest {

    private static TijianUser user(Role role, String area, String unit) {
        return new TijianUser(role.name().toLowerCase(), role.name(), Set.of(role), null, List.of(area), unit);
    }

    @Test
    void cityOfficialsOfTheCityEditAndSubmitOthersMayNot() {
        Project draft = Projects.draft();
        assertThatCode(() -> ProjectAccess.checkAction(user(Role.CITY_OFFICIAL, "3601", null), draft, Action.EDIT))
                .doesNotThrowAnyException();
        assertThatCode(() -> ProjectAccess.checkAction(user(Role.CITY_OFFICIAL, "3601", null), draft, Action.SUBMIT))
                .doesNotThrowAnyException();
        assertError(() -> ProjectAccess.checkAction(user(Role.CITY_OFFICIAL, "3602", null), draft, Action.SUBMIT),
                ProjectError.AREA_NOT_YOURS);
        assertError(() -> ProjectAccess.checkAction(user(Role.DISTRICT_OFFICIAL, "360111", null), draft, Action.EDIT),
                ProjectError.ROLE_NOT_ALLOWED);
        assertError(() -> ProjectAccess.checkAction(user(Role.PROJECT_APPROVER, "3601", null), draft, Action.SUBMIT),
                ProjectError.ROLE_NOT_ALLOWED);
        assertError(() -> ProjectAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "housing"), draft, Action.MERGE),
                ProjectError.ROLE_NOT_ALLOWED);
    }

    @Test
    void onlyTheApproverApprovesAndReturns() {
        Project submitted = Projects.in(ProjectStatus.SUBMITTED);
        assertThatCode(() -> ProjectAccess.checkAction(user(Role.PROJECT_APPROVER, "3601", null), submitted,
                Action.APPROVE)).doesNotThrowAnyException();
        assertError(() -> ProjectAccess.checkAction(user(Role.CITY_OFFICIAL, "3601", null), submitted, Action.APPROVE),
                ProjectError.ROLE_NOT_ALLOWED);
        assertError(() -> ProjectAccess.checkAction(user(Role.PROJECT_APPROVER, "3602", null), submitted, Action.RETURN),
                ProjectError.AREA_NOT_YOURS);
    }

    @Test
    void aUnitReportsProgressOnlyOnItsDepartmentsProjects() {
        Project running = Projects.in(ProjectStatus.IN_PROGRESS);
        assertThatCode(() -> ProjectAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "housing"), running,
                Action.REPORT_PROGRESS)).doesNotThrowAnyException();
        assertError(() -> ProjectAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "water"), running,
                Action.REPORT_PROGRESS), ProjectError.NOT_YOUR_DEPARTMENT);
        assertError(() -> ProjectAccess.checkAction(user(Role.RESPONSIBLE_UNIT, "3601", "housing"), running,
                Action.CANCEL), ProjectError.ROLE_NOT_ALLOWED);
        assertError(() -> ProjectAccess.checkRead(user(Role.RESPONSIBLE_UNIT, "3601", "water"), running),
                ProjectError.NOT_YOUR_DEPARTMENT);
        assertError(() -> ProjectAccess.checkRead(user(Role.OPERATOR, "3601", null), running),
                ProjectError.ROLE_NOT_ALLOWED);
    }
}
