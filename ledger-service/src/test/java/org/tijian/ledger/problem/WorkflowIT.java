package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/** The rectification workflow through HTTP: transitions, history, concurrency, bad input and access denials. */
class WorkflowIT extends LedgerIntegrationTest {

    private String openProblem(String area) {
        deliver(result(2025, area, "U01", Verdict.FAIL, "0", 1, null));
        return awaitProblem(area, 2025, "U01").get("id").asString();
    }

    @Test
    void problemIsWorkedToAVerifiedFixWithItsHistoryInOrderAndEvents() {
        String area = newCompound();
        String id = openProblem(area);

        act("nanchang-official", id, action("CONFIRM"));
        act("nanchang-official", id,
                action("ASSIGN", "unit", "water", "deadline", "2099-06-30"));
        act("water-unit", id, action("START"));
        act("water-unit", id, action("REPORT_PROGRESS", "text", "管网改造已开工", "evidence", List.of("doc://plan.pdf")));
        act("water-unit", id, action("REPORT_FIXED", "text", "改造完成", "evidence", List.of("photo://after.jpg")));
        JsonNode reopened = act("nanchang-official", id, action("REOPEN", "reason", "现场复查仍有积水"));
        assertThat(reopened.get("status").asString()).isEqualTo("REOPENED");
        act("water-unit", id, action("START"));
        act("water-unit", id, action("REPORT_FIXED", "text", "二次整改完成"));
        JsonNode verified = act("nanchang-official", id, action("VERIFY", "inspectionRecord", "核查记录 2099-05-01"));

        assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("verifiedBy").asString()).isEqualTo("INSPECTION");
        JsonNode one = problem(id);
        assertThat(historyActions(id)).containsExactly("IDENTIFY", "CONFIRM", "ASSIGN", "START", "REPORT_PROGRESS",
                "REPORT_FIXED", "REOPEN", "START", "REPORT_FIXED", "VERIFY");
        JsonNode history = one.get("history");
        for (int i = 0; i < history.size(); i++) {
            assertThat(history.get(i).get("version").asLong()).isEqualTo(i + 1);
        }
        assertThat(history.get(1).get("actor").asString()).isEqualTo("nanchang-official");
        assertThat(history.get(2).get("payload").get("unit").asString()).isEqualTo("water");
        assertThat(history.get(4).get("payload").get("evidence").get(0).asString()).isEqualTo("doc://plan.pdf");
        assertThat(history.get(6).get("reason").asString()).isEqualTo("现场复查仍有积水");
        assertThat(history.get(6).get("fromStatus").asString()).isEqualTo("REPORTED_FIXED");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("update problem_history set reason = 'rewritten' "
                + "where problem_id = '" + id + "'")).hasStackTraceContaining("append-only");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sql("delete from problem_history where problem_id = '"
                + id + "'")).hasStackTraceContaining("append-only");
        try (KafkaProbe probe = KafkaProbe.on(Topics.LEDGER_PROBLEMS)) {
            List<ProblemStatusChanged> changes = probe.await(9, r -> area.equals(r.key())
                            && "org.tijian.ledger.ProblemStatusChanged.v1".equals(KafkaProbe.header(r, "ce_type")), WAIT)
                    .stream().map(r -> json.readValue(r.value(), ProblemStatusChanged.class)).toList();
            assertThat(changes).extracting(ProblemStatusChanged::action).containsExactly("CONFIRM", "ASSIGN", "START",
                    "REPORT_PROGRESS", "REPORT_FIXED", "REOPEN", "START", "REPORT_FIXED", "VERIFY");
            assertThat(changes.get(8).verifiedBy()).isEqualTo("INSPECTION");
            assertThat(changes.get(8).version()).isEqualTo(10);
        }
    }

    @Test
    void forbiddenTransitionsAndMissingFieldsAreRefused() {
        String id = openProblem(newCompound());

        post("nanchang-official", id, 1, action("VERIFY", "inspectionRecord", "r")).isEqualTo(409)
                .bodyHas("LEDGER_E4002");
        post("nanchang-official", id, 1, action("DISMISS")).isEqualTo(422).bodyHas("LEDGER_E4003");
        post("nanchang-official", id, 1, action("ASSIGN", "unit", "water", "deadline", "2000-01-31")).isEqualTo(422)
                .bodyHas("LEDGER_E4016");
        post("nanchang-official", id, 1, action("FIX_IT")).isEqualTo(400).bodyHas("LEDGER_E4014");
        post("nanchang-official", id, 1, action("OVERDUE")).isEqualTo(400).bodyHas("LEDGER_E4015");
        post("nanchang-official", id, 1, action("DISMISS", "reason", "长".repeat(4001))).isEqualTo(400)
                .bodyHas("LEDGER_E4015");
        post("nanchang-official", id, 1, action("ASSIGN", "unit", "water; drop table")).isEqualTo(400)
                .bodyHas("LEDGER_E4015");
        post("nanchang-official", id, 1, action("CONFIRM", "evidence", java.util.Collections.nCopies(51, "x")))
                .isEqualTo(400).bodyHas("LEDGER_E4015");
        as("nanchang-official").post().uri("/api/ledger/problems/{id}/actions", id).header("If-Match", "\"one\"")
                .bodyValue(action("CONFIRM")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4015");
        post("nanchang-official", id, 1, action("CONFIRM", "deadline", "tomorrow")).isEqualTo(400).bodyHas("COMMON_E0400");
        as("nanchang-official").post().uri("/api/ledger/problems/{id}/actions", id).header("If-Match", "\"1\"")
                .header("Content-Type", "application/json").bodyValue("{not json").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("COMMON_E0400");
        as("nanchang-official").post().uri("/api/ledger/problems/{id}/actions", id).bodyValue(action("CONFIRM"))
                .exchange().expectStatus().isEqualTo(428).expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4010");

        act("nanchang-official", id, action("DISMISS", "reason", "数据口径错误，复核不属实"));
        post("nanchang-official", id, 2, action("CONFIRM")).isEqualTo(409).bodyHas("LEDGER_E4002");
        assertThat(historyActions(id)).containsExactly("IDENTIFY", "DISMISS");
    }

    @Test
    void twoOfficialsCannotOverwriteEachOther() {
        String id = openProblem(newCompound());
        act("nanchang-official", id, action("CONFIRM"));

        // both read version 2; the first assigns, the second's change is refused
        post("nanchang-official", id, 2, action("ASSIGN", "unit", "water")).isEqualTo(200).bodyHas("\"version\":3");
        post("admin", id, 2, action("ASSIGN", "unit", "housing")).isEqualTo(412).bodyHas("LEDGER_E4009");
        as("admin").post().uri("/api/ledger/problems/{id}/actions", id)
                .bodyValue(action("ASSIGN", "unit", "housing", "expectedVersion", 2)).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4008");

        JsonNode one = problem(id);
        assertThat(one.get("responsibleUnit").asString()).isEqualTo("water");
        assertThat(one.get("version").asLong()).isEqualTo(3);
        as("admin").get().uri("/api/ledger/problems/{id}", id).exchange().expectHeader().valueEquals("ETag", "\"3\"");
    }

    @Test
    void ofSimultaneousChangesFromOneVersionExactlyOneWins() throws Exception {
        String id = openProblem(newCompound());
        act("nanchang-official", id, action("CONFIRM"));
        List<String> units = List.of("water", "housing", "transport", "parks", "urban", "fire");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(units.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (String unit : units) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(unit.equals("water") ? "admin" : "nanchang-official", id, 2,
                            action("ASSIGN", "unit", unit)).status();
                }));
            }
            start.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 412).hasSize(units.size() - 1);
        } finally {
            pool.shutdownNow();
        }
        JsonNode one = problem(id);
        assertThat(one.get("version").asLong()).isEqualTo(3);
        assertThat(historyActions(id)).containsExactly("IDENTIFY", "CONFIRM", "ASSIGN");
    }

    @Test
    void eachDenialIsA403WithItsReason() {
        String area = newCompound();
        String id = openProblem(area);
        act("nanchang-official", id, action("CONFIRM"));
        act("nanchang-official", id, action("ASSIGN", "unit", "water"));

        // a reviewer reads but changes nothing
        as("province-reviewer").get().uri("/api/ledger/problems/{id}", id).exchange().expectStatus().isOk();
        post("province-reviewer", id, 3, action("START")).isEqualTo(403).bodyHas("LEDGER_E4011");
        // an official of another district neither sees nor changes it
        post("donghu-official", id, 3, action("REOPEN", "reason", "x")).isEqualTo(403).bodyHas("LEDGER_E4012");
        as("donghu-official").get().uri("/api/ledger/problems/{id}", id).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4012");
        as("donghu-official").get().uri("/api/ledger/problems?areaCode={area}", area).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4012");
        // another unit cannot work on it; the assigned unit cannot verify its own work
        byte[] denied = as(HOUSING_UNIT).post().uri("/api/ledger/problems/{id}/actions", id).header("If-Match", "\"3\"")
                .bodyValue(action("START")).exchange().expectStatus().isForbidden()
                .expectHeader().contentType("application/problem+json")
                .expectBody().returnResult().getResponseBody();
        assertThat(json.readTree(denied).get("code").asString()).isEqualTo("LEDGER_E4013");
        assertThat(json.readTree(denied).get("detail").asString()).contains("water").contains("housing");
        post("water-unit", id, 3, action("CONFIRM")).isEqualTo(403).bodyHas("LEDGER_E4011");
        // a department submitter is no ledger user
        as("water-dept").get().uri("/api/ledger/problems?areaCode=3601").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4011");
        // without a token nothing answers
        anonymous().post().uri("/api/ledger/problems/{id}/actions", id).header("If-Match", "\"3\"")
                .bodyValue(action("START")).exchange().expectStatus().isUnauthorized();

        // the unit sees its own problems only, and works on them
        assertThat(total("water-unit", "/api/ledger/problems?areaCode={area}", area)).isEqualTo(1);
        assertThat(as(HOUSING_UNIT).get().uri("/api/ledger/problems?areaCode={area}", area).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("X-Total-Count", "0"));
        post("water-unit", id, 3, action("START")).isEqualTo(200);
        assertThat(problem(id).get("version").asLong()).isEqualTo(4);
    }

    @Test
    void queriesFilterAndPageOnTheServer() {
        String area = newCompound();
        for (String indicator : List.of("U01", "U02", "U03", "U04", "U05")) {
            deliver(result(2025, area, indicator, Verdict.FAIL, "0", 1, indicator.equals("U05") ? "SEVERE" : null));
        }
        awaitProblem(area, 2025, "U05");
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> problems(area, 2025).size() == 5);

        String firstPage = "/api/ledger/problems?areaCode={a}&checkYear=2025&size=2&page=0";
        assertThat(total("nanchang-official", firstPage, area)).isEqualTo(5);
        assertThat(get("nanchang-official", firstPage, area)).hasSize(2);
        assertThat(get("nanchang-official", "/api/ledger/problems?areaCode={a}&checkYear=2025&size=2&page=2", area))
                .hasSize(1);
        String timeLimited =
                "/api/ledger/problems?areaCode={a}&class=TIME_LIMITED&dimension=COMMUNITY&status=IDENTIFIED&overdue=false";
        assertThat(total("nanchang-official", timeLimited, area)).isEqualTo(1);
        assertThat(get("nanchang-official", timeLimited, area).get(0).get("indicatorCode").asString()).isEqualTo("U05");
        assertThat(total("province-reviewer", "/api/ledger/problems?areaCode={a}&checkYear=2024", area)).isZero();

        assertThat(get("nanchang-official", "/api/ledger/problems?areaCode={a}&checkYear=2025&sort=indicator,desc", area))
                .extracting(p -> p.get("indicatorCode").asString()).containsExactly("U05", "U04", "U03", "U02", "U01");
        assertThat(get("nanchang-official", "/api/ledger/problems?areaCode={a}&checkYear=2025&sort=deadline&size=1", area)
                .get(0).get("indicatorCode").asString()).as("the only problem with a deadline first").isEqualTo("U05");
        as("nanchang-official").get().uri("/api/ledger/problems?areaCode={a}&sort=id;drop", area).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4014");
    }

    private Answer post(String username, String id, long version, Map<String, Object> body) {
        var result = as(username).post().uri("/api/ledger/problems/{id}/actions", id)
                .header("If-Match", "\"" + version + "\"").bodyValue(body).exchange()
                .expectBody().returnResult();
        return new Answer(result.getStatus().value(), new String(result.getResponseBodyContent() == null ? new byte[0]
                : result.getResponseBodyContent(), java.nio.charset.StandardCharsets.UTF_8));
    }

    private record Answer(int status, String body) {

        Answer isEqualTo(int expected) {
            assertThat(status).as(body).isEqualTo(expected);
            return this;
        }

        Answer bodyHas(String text) {
            assertThat(body).contains(text);
            return this;
        }
    }
}
