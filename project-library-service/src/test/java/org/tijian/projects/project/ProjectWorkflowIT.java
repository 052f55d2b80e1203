package org.tijian.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Topics;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.projects.ProjectCompleted;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.projects.ProjectsIntegrationTest;
import org.tijian.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

class ProjectWorkflowIT extends ProjectsIntegrationTest {

    private static final Map<String, Object> RESOLUTION = Map.of("resolutionNumber", "市政府常务会议纪要〔2026〕5号",
            "resolutionDate", "2026-03-15");

    /** Two gas-hazard buildings of a new street, drafted into one project; answers the project. */
    private JsonNode gasDraft(String street, ProblemIdentified... problems) {
        for (ProblemIdentified p : problems) {
            deliver(p);
        }
        return awaitProblems(street, problems.length).get(0);
    }

    private JsonNode submitBatch(String street) {
        return json.readTree(as("nanchang-official").post().uri("/api/projects/batches")
                .bodyValue(body("planYear", 2026, "areaCode", street, "reason", "2026年度项目库建议稿")).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    private JsonNode decide(String batchId, String decision, String reason) {
        Map<String, Object> request = new java.util.LinkedHashMap<>(RESOLUTION);
        request.put("action", decision);
        request.put("reason", reason);
        return json.readTree(as("approver").post().uri("/api/projects/batches/{id}/decision", batchId).bodyValue(request)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
    }

    @Test
    void aDraftIsEditedSubmittedApprovedIssuedCarriedOutAndCompletedAndTheLedgerIsTold() {
        String street = newStreet();
        ProblemIdentified a = identified("H02", building(street, 1, 1), "1", RectificationClass.TIME_LIMITED);
        ProblemIdentified b = identified("H02", building(street, 1, 2), "1", RectificationClass.BEST_EFFORT);
        String id = gasDraft(street, a, b).get("id").asString();
        long version = project(id).get("version").asLong();

        as("nanchang-official").patch().uri("/api/projects/{id}", id).header("If-Match", "\"" + version + "\"")
                .bodyValue(body("name", "公园路街道燃气管道改造（一期）", "reason", "按街道意见命名")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"" + (version + 1) + "\"")
                .expectBody().jsonPath("$.name").isEqualTo("公园路街道燃气管道改造（一期）").jsonPath("$.edited").isEqualTo(true);

        JsonNode batch = submitBatch(street);
        assertThat(batch.get("projectIds")).hasSize(1);
        assertThat(project(id).get("status").asString()).isEqualTo("SUBMITTED");
        JsonNode approved = decide(batch.get("batchId").asString(), "APPROVE", null);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        JsonNode p = project(id);
        assertThat(p.get("resolutionNumber").asString()).isEqualTo("市政府常务会议纪要〔2026〕5号");
        assertThat(p.get("resolutionDate").asString()).isEqualTo("2026-03-15");

        assertThat(act("nanchang-official", id, body("action", "ISSUE")).get("status").asString()).isEqualTo("ISSUED");
        assertThat(act(HOUSING_UNIT, id, body("action", "START")).get("status").asString()).isEqualTo("IN_PROGRESS");
        JsonNode progressed = act(HOUSING_UNIT, id, body("action", "REPORT_PROGRESS", "note", "1号楼燃气管道已更换",
                "completedProblemIds", List.of(a.problemId())));
        assertThat(progressed.get("progress").decimalValue()).isEqualByComparingTo("50");

        try (KafkaProbe probe = KafkaProbe.on(Topics.PROJECTS_LIFECYCLE)) {
            JsonNode done = act(HOUSING_UNIT, id, body("action", "COMPLETE", "acceptanceRecord",
                    "竣工验收报告 YS-2026-018：燃气管道改造合格", "acceptedOn", "2026-11-20"));
            assertThat(done.get("status").asString()).isEqualTo("COMPLETED");

            List<ConsumerRecord<String, byte[]>> completed = probe.await(1, r -> id.equals(r.key())
                    && "org.tijian.projects.ProjectCompleted.v1".equals(KafkaProbe.header(r, CloudEventHeaders.TYPE)),
                    WAIT);
            ProjectCompleted event = json.readValue(completed.get(0).value(), ProjectCompleted.class);
            assertThat(event.projectId().toString()).isEqualTo(id);
            assertThat(event.checkYear()).isEqualTo(2025);
            assertThat(event.planYear()).isEqualTo(2026);
            assertThat(event.problemIds()).containsExactlyInAnyOrder(a.problemId(), b.problemId());
            assertThat(event.acceptanceRecord()).isEqualTo("竣工验收报告 YS-2026-018：燃气管道改造合格");
            assertThat(event.acceptedOn()).hasToString("2026-11-20");
            assertThat(event.responsibleDepartment()).isEqualTo("housing");
            assertThat(event.completedBy()).isEqualTo("housing-unit");
            assertThat(KafkaProbe.header(completed.get(0), CloudEventHeaders.SUBJECT)).isEqualTo(id);
        }
        JsonNode history = project(id).get("history");
        List<String> actions = new ArrayList<>();
        history.forEach(h -> actions.add(h.get("action").asString()));
        assertThat(actions).containsExactly("DRAFTED", "PROBLEM_JOINED", "EDIT", "SUBMIT", "APPROVE", "ISSUE", "START",
                "REPORT_PROGRESS", "COMPLETE");
        JsonNode edit = history.get(2);
        assertThat(edit.get("actor").asString()).isEqualTo("nanchang-official");
        assertThat(edit.get("reason").asString()).isEqualTo("按街道意见命名");
        assertThat(edit.get("payload").get("name").get(1).asString()).isEqualTo("公园路街道燃气管道改造（一期）");
        assertThat(history.get(3).get("payload").get("batchId").asString()).isEqualTo(batch.get("batchId").asString());
        // completed: the problems are free again (a reopened one could be drafted anew)
        assertThat(project(id).get("links")).hasSize(2);
    }

    @Test
    void aReturnedBatchIsEditedAndSubmittedAgainAndACancelledProjectKeepsItsReason() {
        String street = newStreet();
        String id = gasDraft(street, identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT))
                .get("id").asString();
        JsonNode batch = submitBatch(street);

        JsonNode returned = decide(batch.get("batchId").asString(), "RETURN", "投资估算偏低，请重新测算");
        assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
        assertThat(project(id).get("closeReason").asString()).isEqualTo("投资估算偏低，请重新测算");
        long version = project(id).get("version").asLong();
        as("nanchang-official").patch().uri("/api/projects/{id}", id)
                .bodyValue(body("investmentWan", 18, "estimate", "1 栋 × 18 万元/栋 = 18 万元（按设计概算）",
                        "expectedVersion", version, "reason", "重新测算"))
                .exchange().expectStatus().isOk();
        assertThat(act("nanchang-official", id, body("action", "SUBMIT")).get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(act("approver", id, body("action", "APPROVE", "resolutionNumber", "纪要〔2026〕9号", "resolutionDate",
                "2026-04-01")).get("status").asString()).isEqualTo("APPROVED");

        JsonNode cancelled = act("nanchang-official", id, body("action", "CANCEL", "reason", "纳入城市更新片区统筹实施"));
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("closeReason").asString()).isEqualTo("纳入城市更新片区统筹实施");
    }

    @Test
    void forbiddenTransitionsStaleVersionsAndMissingFieldsAreRefusedWithStableCodes() {
        String street = newStreet();
        String id = gasDraft(street, identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT))
                .get("id").asString();
        long version = project(id).get("version").asLong();

        as("approver").post().uri("/api/projects/{id}/actions", id).header("If-Match", "\"" + version + "\"")
                .bodyValue(body("action", "APPROVE", "resolutionNumber", "x", "resolutionDate", "2026-03-01")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5002");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id).header("If-Match", "\"" + (version - 1) + "\"")
                .bodyValue(body("action", "SUBMIT")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5008");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id).bodyValue(body("action", "SUBMIT")).exchange()
                .expectStatus().isEqualTo(428).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5009");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "DRAFTED", "expectedVersion", version)).exchange()
                .expectStatus().isEqualTo(400).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5018");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "FLY", "expectedVersion", version)).exchange()
                .expectStatus().isEqualTo(400).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5017");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "CANCEL", "expectedVersion", version)).exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5003");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", java.util.UUID.randomUUID())
                .bodyValue(body("action", "SUBMIT", "expectedVersion", 1)).exchange()
                .expectStatus().isEqualTo(404).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5001");
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id).header("Content-Type", "application/json")
                .bodyValue("{not json").exchange()
                .expectStatus().isEqualTo(400).expectHeader().contentType("application/problem+json");
        as("nanchang-official").get().uri("/api/projects/not-a-uuid").exchange()
                .expectStatus().isEqualTo(400).expectHeader().contentType("application/problem+json");
        assertThat(project(id).get("version").asLong()).isEqualTo(version);
    }

    @Test
    void officialsMergeDraftsAndSplitThemAndLaterProblemsStillFindTheirGroup() {
        String street1 = newStreet();
        String street2 = newStreet();
        ProblemIdentified a = identified("H02", building(street1, 1, 1), "1", RectificationClass.BEST_EFFORT);
        ProblemIdentified b = identified("H02", building(street1, 1, 2), "1", RectificationClass.BEST_EFFORT);
        ProblemIdentified c = identified("H02", building(street2, 1, 1), "1", RectificationClass.TIME_LIMITED);
        String target = gasDraft(street1, a, b).get("id").asString();
        String other = gasDraft(street2, c).get("id").asString();

        JsonNode merged = json.readTree(as("nanchang-official").post().uri("/api/projects/{id}/merge", target)
                .bodyValue(body("otherIds", List.of(other), "reason", "两街道相邻，统一招标",
                        "expectedVersion", project(target).get("version").asLong()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(merged.get("links")).hasSize(3);
        assertThat(merged.get("scale").asString()).isEqualTo("3 栋");
        assertThat(merged.get("priority").asInt()).isEqualTo(1);
        assertThat(merged.get("areaCodes")).hasSize(2);
        assertThat(project(other).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(historyActions(other)).endsWith("MERGED_INTO");

        JsonNode split = json.readTree(as("nanchang-official").post().uri("/api/projects/{id}/split", target)
                .bodyValue(body("problemIds", List.of(c.problemId()), "name", "二期", "reason", "分期实施",
                        "expectedVersion", merged.get("version").asLong()))
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        assertThat(split.get(0).get("links")).hasSize(2);
        assertThat(split.get(1).get("links")).hasSize(1);
        assertThat(split.get(1).get("name").asString()).isEqualTo("二期");
        assertThat(historyActions(split.get(1).get("id").asString())).containsExactly("SPLIT_FROM");

        // a new gas hazard in street 1 joins the merged draft (its group); the splitting left street 2 without one
        deliver(identified("H02", building(street1, 2, 1), "1", RectificationClass.BEST_EFFORT));
        awaitProblems(street1, 3);
        assertThat(project(target).get("links")).hasSize(3);
        as("nanchang-official").post().uri("/api/projects/{id}/split", target)
                .bodyValue(body("problemIds", List.of(java.util.UUID.randomUUID()), "expectedVersion",
                        project(target).get("version").asLong()))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5013");
    }

    @Test
    void twoSimultaneousEditsFromOneVersionExactlyOneWins() throws Exception {
        String street = newStreet();
        String id = gasDraft(street, identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT))
                .get("id").asString();
        long version = project(id).get("version").asLong();
        java.util.concurrent.Callable<Integer> edit1 = () -> as("nanchang-official").patch().uri("/api/projects/{id}", id)
                .header("If-Match", "\"" + version + "\"").bodyValue(body("name", "甲")).exchange()
                .returnResult(byte[].class).getStatus().value();
        java.util.concurrent.Callable<Integer> edit2 = () -> as("nanchang-official").patch().uri("/api/projects/{id}", id)
                .header("If-Match", "\"" + version + "\"").bodyValue(body("name", "乙")).exchange()
                .returnResult(byte[].class).getStatus().value();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<Integer> statuses = new ArrayList<>();
            for (var f : pool.invokeAll(List.of(edit1, edit2))) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdown();
        }
        assertThat(project(id).get("version").asLong()).isEqualTo(version + 1);
        assertThat(historyActions(id)).containsExactly("DRAFTED", "EDIT");
    }
}
