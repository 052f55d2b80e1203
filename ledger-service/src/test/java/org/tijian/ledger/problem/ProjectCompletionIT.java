package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.EventType;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.projects.ProjectCompleted;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/** A completed project of the library reports its linked problems fixed; data then verifies them. */
class ProjectCompletionIT extends LedgerIntegrationTest {

    @Test
    void aCompletedProjectReportsItsOpenProblemsFixedOnceAndLeavesResolvedOnesAlone() {
        // given: three problems of one compound: one open, one in progress, one dismissed
        String compound = newCompound();
        JsonNode open = openProblem(compound + "001");
        JsonNode working = openProblem(compound + "002");
        act("nanchang-official", working.get("id").asString(), action("CONFIRM"));
        act("nanchang-official", working.get("id").asString(), action("ASSIGN", "unit", "water", "deadline", "2099-12-31"));
        act("water-unit", working.get("id").asString(), action("START"));
        JsonNode dismissed = openProblem(compound + "003");
        act("nanchang-official", dismissed.get("id").asString(), action("DISMISS", "reason", "重复上报"));
        UUID unknown = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        ProjectCompleted completed = new ProjectCompleted(projectId, 2025, 2026, "阳光小区供水管网改造", "FACILITY_CONSTRUCTION",
                List.of(compound), List.of(UUID.fromString(open.get("id").asString()),
                        UUID.fromString(working.get("id").asString()), UUID.fromString(dismissed.get("id").asString()),
                        unknown),
                "water", "验收记录 2026-015：管网更换完成", LocalDate.of(2026, 10, 30), "nanchang-official", Instant.now());

        // when: delivered twice under one event id
        UUID eventId = UUID.randomUUID();
        send(projectId, eventId, completed);
        send(projectId, eventId, completed);

        // then
        for (JsonNode problem : List.of(open, working)) {
            String id = problem.get("id").asString();
            JsonNode fixed = Awaitility.await().atMost(WAIT).until(() -> problem(id),
                    p -> "REPORTED_FIXED".equals(p.get("status").asString()));
            JsonNode last = fixed.get("history").get(fixed.get("history").size() - 1);
            assertThat(last.get("action").asString()).isEqualTo("PROJECT_COMPLETED");
            assertThat(last.get("actor").asString()).isEqualTo("project:" + projectId);
            assertThat(last.get("reason").asString()).isEqualTo("项目竣工验收：阳光小区供水管网改造");
            assertThat(last.get("payload").get("acceptanceRecord").asString()).isEqualTo("验收记录 2026-015：管网更换完成");
        }
        // a later event on the same key has been consumed, so the duplicate has been too
        JsonNode another = openProblem(compound + "004");
        send(projectId, UUID.randomUUID(), new ProjectCompleted(UUID.randomUUID(), 2025, 2026, "另一项目", "MANAGEMENT_IMPROVEMENT",
                List.of(compound), List.of(UUID.fromString(another.get("id").asString())), null, "验收", LocalDate.now(),
                "nanchang-official", Instant.now()));
        Awaitility.await().atMost(WAIT).until(() -> problem(another.get("id").asString()).get("status").asString(),
                "REPORTED_FIXED"::equals);
        assertThat(historyActions(open.get("id").asString())).containsExactly("IDENTIFY", "PROJECT_COMPLETED");
        assertThat(problem(dismissed.get("id").asString()).get("status").asString()).isEqualTo("DISMISSED");

        // and new data verifies the project's fix
        deliver(result(2025, compound + "001", "C05", Verdict.PASS, "1", 2, null));
        Awaitility.await().atMost(WAIT).until(() -> problem(open.get("id").asString()),
                p -> "VERIFIED".equals(p.get("status").asString()) && "DATA".equals(p.get("verifiedBy").asString()));
    }

    private JsonNode openProblem(String building) {
        deliver(result(2025, building, "C05", Verdict.FAIL, "0", 1, null));
        return awaitProblem(building, 2025, "C05");
    }

    private void send(UUID key, UUID eventId, ProjectCompleted completed) {
        KafkaProbe.send(Topics.PROJECTS_LIFECYCLE, key.toString(), json.writeValueAsString(completed),
                Map.of(CloudEventHeaders.ID, eventId.toString(),
                        CloudEventHeaders.TYPE, EventType.PROJECT_COMPLETED.cloudEventType()));
    }
}
