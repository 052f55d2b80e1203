package org.tijian.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tijian.kit.error.TijianException;

class WorkflowTest {

    /** The allowed moves, written out independently of {@link Workflow}: everything else is forbidden. */
    private static final Map<Action, Map<ProjectStatus, ProjectStatus>> ALLOWED = Map.of(
            Action.SUBMIT, Map.of(ProjectStatus.DRAFT, ProjectStatus.SUBMITTED,
                    ProjectStatus.RETURNED, ProjectStatus.SUBMITTED),
            Action.APPROVE, Map.of(ProjectStatus.SUBMITTED, ProjectStatus.APPROVED),
            Action.RETURN, Map.of(ProjectStatus.SUBMITTED, ProjectStatus.RETURNED),
            Action.ISSUE, Map.of(ProjectStatus.APPROVED, ProjectStatus.ISSUED),
            Action.START, Map.of(ProjectStatus.ISSUED, ProjectStatus.IN_PROGRESS),
            Action.REPORT_PROGRESS, Map.of(ProjectStatus.IN_PROGRESS, ProjectStatus.IN_PROGRESS),
            Action.COMPLETE, Map.of(ProjectStatus.IN_PROGRESS, ProjectStatus.COMPLETED),
            Action.CANCEL, Map.of(ProjectStatus.DRAFT, ProjectStatus.CANCELLED,
                    ProjectStatus.RETURNED, ProjectStatus.CANCELLED, ProjectStatus.APPROVED, ProjectStatus.CANCELLED,
                    ProjectStatus.ISSUED, ProjectStatus.CANCELLED, ProjectStatus.IN_PROGRESS, ProjectStatus.CANCELLED));

    /** A complete command for each workflow action (every required field set). */
    static ProjectCommand complete(Action action) {
        ProjectCommand c = ProjectCommand.of(action);
        switch (action) {
            case APPROVE -> c = c.resolved("纪要〔2026〕3号", LocalDate.of(2026, 3, 10));
            case RETURN -> c = c.because("重新测算").resolved("纪要〔2026〕3号", LocalDate.of(2026, 3, 10));
            case REPORT_PROGRESS -> c = c.progress("已完成 1 栋", List.of(), null);
            case COMPLETE -> c = c.accepted("验收记录 YS-1", LocalDate.of(2026, 11, 1));
            case CANCEL -> c = c.because("并入其他项目");
            default -> { }
        }
        return c;
    }

    @ParameterizedTest
    @EnumSource(ProjectStatus.class)
    void everyWorkflowActionFromEveryStatusIsAllowedOrForbiddenAsTheTableSays(ProjectStatus from) {
        for (Action action : Action.values()) {
            if (!action.workflow()) {
                continue;
            }
            Project p = Projects.in(from);
            ProjectStatus expected = ALLOWED.get(action).get(from);
            assertThat(Workflow.next(from, action)).as("%s from %s", action, from).isEqualTo(java.util.Optional.ofNullable(expected));
            if (expected == null) {
                assertThatThrownBy(() -> p.apply(complete(action), "tester", Projects.NOW))
                        .as("%s from %s", action, from)
                        .isInstanceOfSatisfying(TijianException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(ProjectError.TRANSITION_NOT_ALLOWED));
            } else {
                Project.Change change = p.apply(complete(action), "tester", Projects.NOW);
                assertThat(change.after().status()).isEqualTo(expected);
                assertThat(change.after().version()).isEqualTo(p.version() + 1);
                assertThat(change.entry().action()).isEqualTo(action);
                assertThat(change.entry().fromStatus()).isEqualTo(from);
                assertThat(change.entry().toStatus()).isEqualTo(expected);
                assertThat(change.entry().version()).isEqualTo(change.after().version());
            }
        }
    }

    @Test
    void approveAndReturnNeedTheResolutionReturnAndCancelAReason() {
        Project submitted = Projects.in(ProjectStatus.SUBMITTED);
        assertError(() -> submitted.apply(ProjectCommand.of(Action.APPROVE), "a", Projects.NOW),
                ProjectError.RESOLUTION_REQUIRED);
        assertError(() -> submitted.apply(ProjectCommand.of(Action.APPROVE).resolved("纪要3号", null), "a", Projects.NOW),
                ProjectError.RESOLUTION_REQUIRED);
        assertError(() -> submitted.apply(ProjectCommand.of(Action.RETURN).resolved("纪要3号", LocalDate.of(2026, 3, 1)),
                "a", Projects.NOW), ProjectError.REASON_REQUIRED);
        assertError(() -> Projects.draft().apply(ProjectCommand.of(Action.CANCEL), "a", Projects.NOW),
                ProjectError.REASON_REQUIRED);

        Project approved = submitted.apply(complete(Action.APPROVE), "approver", Projects.NOW).after();
        assertThat(approved.resolutionNumber()).isEqualTo("纪要〔2026〕3号");
        assertThat(approved.resolutionDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        Project returned = submitted.apply(complete(Action.RETURN), "approver", Projects.NOW).after();
        assertThat(returned.closeReason()).isEqualTo("重新测算");
    }

    @Test
    void completingNeedsAnAcceptanceRecordAndMarksEverythingDone() {
        Project running = Projects.in(ProjectStatus.IN_PROGRESS);
        assertError(() -> running.apply(ProjectCommand.of(Action.COMPLETE), "u", Projects.NOW),
                ProjectError.ACCEPTANCE_REQUIRED);

        Project.Change done = running.apply(complete(Action.COMPLETE), "water-unit", Projects.NOW);

        assertThat(done.after().progress()).isEqualByComparingTo("100");
        assertThat(done.after().links()).allMatch(Link::done);
        var event = done.after().completed("water-unit");
        assertThat(event.projectId()).isEqualTo(running.id());
        assertThat(event.checkYear()).isEqualTo(2025);
        assertThat(event.planYear()).isEqualTo(2026);
        assertThat(event.problemIds()).containsExactlyElementsOf(running.problemIds());
        assertThat(event.acceptanceRecord()).isEqualTo("验收记录 YS-1");
        assertThat(event.acceptedOn()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(event.completedAt()).isEqualTo(Projects.NOW);
    }

    @Test
    void progressIsWeightedByTheScaleOfTheDoneProblems() {
        Project running = Projects.in(ProjectStatus.IN_PROGRESS);
        Link big = running.links().stream().filter(l -> l.quantity().intValue() == 3).findFirst().orElseThrow();

        Project after = running.apply(ProjectCommand.of(Action.REPORT_PROGRESS)
                .progress("3 栋完工", List.of(big.problemId()), null), "u", Projects.NOW).after();

        assertThat(after.progress()).isEqualByComparingTo("75.0");
        assertError(() -> running.apply(ProjectCommand.of(Action.REPORT_PROGRESS).progress(null, List.of(), null), "u",
                Projects.NOW), ProjectError.PROGRESS_INVALID);
        assertError(() -> running.apply(ProjectCommand.of(Action.REPORT_PROGRESS)
                .progress("x", List.of(java.util.UUID.randomUUID()), null), "u", Projects.NOW), ProjectError.PROGRESS_INVALID);
    }

    @Test
    void progressOfAProjectWithoutProblemsIsItsDoneQuantityOverItsScale() {
        Project manual = Project.create(java.util.UUID.randomUUID(), 2025, 2026, new Project.Fields("智慧停车平台",
                ProjectType.SERVICE_OPTIMISATION, List.of("3601"), "建设全市停车信息平台", "420 个车位",
                new BigDecimal("420"), "个车位", new BigDecimal("800"), "按合同价", "C08 −420", "urban-management", null,
                null), List.of(), "official", "全市统筹", Projects.NOW).after();
        Project running = Projects.step(Projects.step(Projects.step(Projects.step(manual, ProjectCommand.of(Action.SUBMIT)),
                complete(Action.APPROVE)), ProjectCommand.of(Action.ISSUE)), ProjectCommand.of(Action.START));

        Project after = Projects.step(running, ProjectCommand.of(Action.REPORT_PROGRESS).progress("已接入", List.of(),
                new BigDecimal("105")));

        assertThat(after.progress()).isEqualByComparingTo("25.0");
        assertError(() -> Projects.step(running, ProjectCommand.of(Action.REPORT_PROGRESS).progress("x", List.of(),
                new BigDecimal("421"))), ProjectError.PROGRESS_INVALID);
    }

    @Test
    void issuingNeedsADepartment() {
        Project approved = Projects.in(ProjectStatus.APPROVED);
        Project noDepartment = new Project(approved.id(), approved.checkYear(), approved.planYear(), approved.name(),
                approved.type(), approved.status(), approved.areaCodes(), approved.constructionContent(), approved.scale(),
                approved.scaleQuantity(), approved.scaleUnit(), approved.investmentWan(), approved.estimate(),
                approved.expectedEffect(), null, approved.startYear(), approved.endYear(), approved.priority(),
                approved.timeLimited(), approved.rule(), approved.groupKey(), approved.edited(), approved.links(),
                approved.progress(), approved.batchId(), approved.resolutionNumber(), approved.resolutionDate(), null, null,
                null, approved.createdAt(), approved.updatedAt(), approved.version());

        assertError(() -> Projects.step(noDepartment, ProjectCommand.of(Action.ISSUE)), ProjectError.DEPARTMENT_REQUIRED);
        ProjectCommand toWater = new ProjectCommand(Action.ISSUE, null, null, null, "water", null, List.of(), null, null,
                null, null);
        assertThat(Projects.step(noDepartment, toWater).department()).isEqualTo("water");
    }

    static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ProjectError error) {
        assertThatThrownBy(call).isInstanceOfSatisfying(TijianException.class,
                e -> assertThat(e.errorCode()).isEqualTo(error));
    }
}
