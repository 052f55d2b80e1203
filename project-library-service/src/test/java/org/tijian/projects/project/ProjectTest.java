package org.tijian.projects.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tijian.projects.project.WorkflowTest.assertError;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProjectTest {

    private static Project.Fields rename(String name) {
        return new Project.Fields(name, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void anEditRecordsEachChangedFieldBeforeAndAfterAndStopsRegeneratingTexts() {
        Project draft = Projects.draft();

        Project.Change change = draft.edit(new Project.Fields("东湖区燃气管道改造", ProjectType.FACILITY_CONSTRUCTION, null,
                null, null, null, null, new BigDecimal("500"), "按设计概算", null, null, 2026, 2027), "official", "按设计概算调整",
                Projects.NOW);

        Project after = change.after();
        assertThat(after.name()).isEqualTo("东湖区燃气管道改造");
        assertThat(after.investmentWan()).isEqualByComparingTo("500");
        assertThat(after.schedule()).isEqualTo("2026—2027");
        assertThat(after.edited()).isTrue();
        assertThat(after.version()).isEqualTo(draft.version() + 1);
        assertThat(change.entry().action()).isEqualTo(Action.EDIT);
        assertThat(change.entry().reason()).isEqualTo("按设计概算调整");
        assertThat(change.entry().payload()).containsOnlyKeys("name", "investmentWan", "estimate", "endYear");
        assertThat(change.entry().payload().get("name")).isEqualTo(List.of(draft.name(), "东湖区燃气管道改造"));

        // problems joining later change the figures but keep the official's name
        List<Link> more = new ArrayList<>(after.links());
        more.add(Projects.link("H02", "360111001001001003", "1", false));
        Project relinked = after.relink(more, Projects.composition(more), Action.PROBLEM_JOINED, Project.SYSTEM, null,
                Map.of(), Projects.NOW).after();
        assertThat(relinked.name()).isEqualTo("东湖区燃气管道改造");
        assertThat(relinked.scale()).isEqualTo("5 栋");
    }

    @Test
    void editingOutsideDraftAndReturnedIsRefusedAndAnEmptyEditToo() {
        assertError(() -> Projects.in(ProjectStatus.APPROVED).edit(rename("x"), "o", null, Projects.NOW),
                ProjectError.NOT_EDITABLE);
        assertError(() -> Projects.draft().edit(rename(null), "o", null, Projects.NOW), ProjectError.BAD_COMMAND);
        assertThat(Projects.in(ProjectStatus.RETURNED).edit(rename("新名称"), "o", null, Projects.NOW).after().status())
                .isEqualTo(ProjectStatus.RETURNED);
    }

    @Test
    void relinkingRecordsWhichProblemsJoinedAndLeft() {
        Project draft = Projects.draft();
        Link stays = draft.links().get(0);
        Link joins = Projects.link("H02", "360111001001001009", "2", false);
        List<Link> links = List.of(stays, joins);

        Project.Change change = draft.relink(links, Projects.composition(links), Action.MERGE, "official", "合并",
                Map.of("merged", List.of("x")), Projects.NOW);

        assertThat(change.entry().payload().get("joined")).isEqualTo(List.of(joins.problemId()));
        assertThat(change.entry().payload().get("left")).isEqualTo(List.of(draft.links().get(1).problemId()));
        assertThat(change.after().priority()).isEqualTo(2);
        assertThat(change.after().timeLimited()).isFalse();
    }

    @Test
    void aMergedDraftIsCancelledWithoutProblemsAndASplitOffDraftKeepsTheRuleButNoGroup() {
        Project draft = Projects.draft();
        UUID target = UUID.randomUUID();

        Project merged = draft.mergedInto(target, "official", "同一街道", Projects.NOW).after();
        assertThat(merged.status()).isEqualTo(ProjectStatus.CANCELLED);
        assertThat(merged.links()).isEmpty();
        assertThat(merged.closeReason()).contains(target.toString());

        List<Link> off = List.of(draft.links().get(1));
        Project split = draft.splitOff(UUID.randomUUID(), off, Projects.composition(off), null, "official", "分期实施",
                Projects.NOW).after();
        assertThat(split.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(split.rule()).isEqualTo(draft.rule());
        assertThat(split.groupKey()).isNull();
        assertThat(split.name()).isEqualTo("测试项目（拆分）");
        assertThat(split.priority()).isEqualTo(1);
    }

    @Test
    void aProjectAddedByHandNeedsItsEssentialsAndTakesPriorityFromItsProblems() {
        Project.Fields f = new Project.Fields("全市智慧停车", ProjectType.SERVICE_OPTIMISATION, List.of("3601"), "平台建设",
                null, null, null, null, null, null, "urban-management", null, null);
        Project p = Project.create(UUID.randomUUID(), 2025, 2026, f,
                List.of(Projects.link("C08", "360111001001001", "40", true)), "official", null, Projects.NOW).after();

        assertThat(p.priority()).isEqualTo(1);
        assertThat(p.rule()).isEqualTo(Project.MANUAL);
        assertThat(p.schedule()).isEqualTo("2026");
        assertError(() -> Project.create(UUID.randomUUID(), 2025, 2026, new Project.Fields(null,
                ProjectType.SERVICE_OPTIMISATION, List.of("3601"), "x", null, null, null, null, null, null, null, null,
                null), List.of(), "o", null, Projects.NOW), ProjectError.BAD_COMMAND);
    }

    @Test
    void onlyCompletedAndCancelledProjectsReleaseTheirProblems() {
        for (ProjectStatus status : ProjectStatus.values()) {
            assertThat(status.active()).as(status.name())
                    .isEqualTo(status != ProjectStatus.COMPLETED && status != ProjectStatus.CANCELLED);
        }
    }
}
