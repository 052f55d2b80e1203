package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tijian.contracts.Topics;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.PublicFeedbackReported;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.ledger.catalog.CatalogCopyIT;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import tools.jackson.databind.JsonNode;

/** Problems from evaluation results: opening, de-duplication, classing, verification by data, unreported passes. */
class ProblemLedgerIT extends LedgerIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void unreadableResultIsDeadLetteredAndTheRestOfItsPollTakesEffect() {
        String area = newCompound();
        UUID unreadableId = UUID.randomUUID();
        KafkaProbe.send(Topics.EVALUATION_RESULTS, area, "{\"resultId\": \"not a uuid\"", Map.of(
                CloudEventHeaders.ID, unreadableId.toString(),
                CloudEventHeaders.TYPE, "org.tijian.evaluation.IndicatorEvaluated.v1"));
        deliver(result(2025, area, "U01", Verdict.FAIL, "0", 1, null));

        awaitProblem(area, 2025, "U01");
        try (KafkaProbe deadLetters = KafkaProbe.on(Topics.deadLetter(Topics.EVALUATION_RESULTS,
                TestInfrastructure.consumerGroup("ledger-service", "ledger_it")))) {
            var dead = deadLetters.await(1, r -> unreadableId.toString().equals(KafkaProbe.header(r, CloudEventHeaders.ID)),
                    WAIT).get(0);
            assertThat(dead.key()).isEqualTo(area);
            assertThat(KafkaProbe.header(dead, "x-original-topic")).isEqualTo(Topics.EVALUATION_RESULTS);
            assertThat(KafkaProbe.header(dead, "x-exception-message")).contains("IndicatorEvaluated");
        }
    }

    @Test
    void failingResultOpensOneProblemHoweverOftenItArrives() {
        String area = newCompound();
        IndicatorEvaluated failing = result(2025, area, "U01", Verdict.FAIL, "0", 1, null);
        UUID eventId = UUID.randomUUID();
        TraceParent evaluation = TraceParent.newRoot();

        deliver(area, eventId, failing, evaluation);
        deliver(eventId, failing);
        deliver(UUID.randomUUID(), failing);

        try (KafkaProbe probe = KafkaProbe.on(Topics.LEDGER_PROBLEMS)) {
            var record = probe.await(1, r -> area.equals(r.key()), WAIT).get(0);
            ProblemIdentified problem = json.readValue(record.value(), ProblemIdentified.class);
            assertThat(problem.indicatorCode()).isEqualTo("U01");
            assertThat(problem.sourceResultId()).isEqualTo(failing.resultId());
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.tijian.ledger.ProblemIdentified.v1");
            // the problem continues the result's trace, as a child of the ledger's consumer span
            TraceParent problemTrace = TraceParent.parseOrNew(KafkaProbe.header(record, CloudEventHeaders.TRACEPARENT));
            assertThat(problemTrace.traceId()).isEqualTo(evaluation.traceId());
            assertThat(problemTrace.spanId()).isNotEqualTo(evaluation.spanId());
            assertThat(probe.drain(r -> area.equals(r.key()), Duration.ofSeconds(2))).hasSize(1);

            JsonNode one = problem(problem.problemId().toString());
            assertThat(one.get("status").asString()).isEqualTo("IDENTIFIED");
            assertThat(one.get("description").asString()).isEqualTo(problem.description());
            assertThat(one.get("compoundCode").asString()).isEqualTo(area);
            assertThat(one.get("streetCode").asString()).isEqualTo("360111001");
            assertThat(one.get("rectificationArea").asString()).isEqualTo(area);
            assertThat(one.get("history")).hasSize(1);
        }
        assertThat(problems(area.substring(0, 9), 2025).valueStream()
                .filter(p -> p.get("areaCode").asString().equals(area))).hasSize(1);
    }

    @Test
    void replayedAndDuplicatedStreamLeavesTheLedgerUnchanged() {
        // given: a stream of results for two indicators of one compound, consumed once
        String area = newCompound();
        IndicatorEvaluated u01 = result(2025, area, "U01", Verdict.FAIL, "0", 1, null);
        IndicatorEvaluated u01Worse = result(2025, area, "U01", Verdict.FAIL, "0", 2, null);
        IndicatorEvaluated u02 = result(2025, area, "U02", Verdict.FAIL, "0", 1, null);
        IndicatorEvaluated u02Pass = result(2025, area, "U02", Verdict.PASS, "3", 2, null);
        List<IndicatorEvaluated> stream = List.of(u01, u01Worse, u02, u02Pass);
        List<UUID> ids = stream.stream().map(r -> UUID.randomUUID()).toList();
        for (int i = 0; i < stream.size(); i++) {
            deliver(ids.get(i), stream.get(i));
        }
        Awaitility.await().atMost(WAIT).until(() -> {
            JsonNode u02Problem = one(area, 2025, "U02");
            JsonNode u01Problem = one(area, 2025, "U01");
            return u01Problem != null && u01Problem.get("resultVersion").asInt() == 2 && u02Problem != null
                    && u02Problem.get("passedWithoutReport").asBoolean();
        });
        String before = snapshot(area);

        // when: the same stream is replayed (same event ids) and delivered again as new events (new ids, same results)
        for (int i = 0; i < stream.size(); i++) {
            deliver(ids.get(i), stream.get(i));
        }
        for (IndicatorEvaluated result : stream) {
            deliver(result);
        }
        String marker = newCompound();
        deliver(area, UUID.randomUUID(), result(2025, marker, "U01", Verdict.FAIL, "0", 1, null));
        awaitProblem(marker, 2025, "U01"); // sent after the replay with the same key: the replay was consumed

        // then
        assertThat(snapshot(area)).isEqualTo(before);
        assertThat(problems(area, 2025)).hasSize(2);
    }

    @Test
    void aggregateAboveTheIndicatorsLevelOpensNoProblem() {
        String compound = newCompound();
        IndicatorEvaluated building = result(2025, compound + "001", "H02", Verdict.FAIL, "1", 1, "MAJOR");
        IndicatorEvaluated aggregate = new IndicatorEvaluated(UUID.randomUUID(), 1, 2025, compound, "H02", "燃气隐患",
                building.dimension(), BigDecimal.ONE, "栋", Verdict.FAIL, "= 0", BigDecimal.ONE, "1 > 0",
                building.defaultRectificationClass(), List.of(), Instant.now(), org.tijian.contracts.AreaLevel.COMPOUND,
                org.tijian.contracts.AreaLevel.BUILDING, 1L, 9L, 9L, List.of(), null, 1, null, null);

        deliver(aggregate);
        deliver(building);

        JsonNode problem = awaitProblem(compound + "001", 2025, "H02");
        assertThat(problem.get("buildingCode").asString()).isEqualTo(compound + "001");
        assertThat(problems(compound, 2025)).hasSize(1);
        // a MAJOR finding is a safety finding: TIME_LIMITED, with H02's own deadline of 30 days, counted from the
        // day it was identified in the ledger's zone (Asia/Shanghai), which is not UTC's day between 16:00 and 24:00 UTC
        assertThat(problem.get("rectificationClass").asString()).isEqualTo("TIME_LIMITED");
        assertThat(problem.get("classReason").asString()).isEqualTo("SAFETY_SEVERITY:MAJOR");
        assertThat(LocalDate.parse(problem.get("deadline").asString()))
                .isEqualTo(LocalDate.ofInstant(Instant.parse(problem.get("identifiedAt").asString()), ZoneId.of("Asia/Shanghai"))
                        .plusDays(30));
    }

    @Test
    void complaintsAboveTheThresholdMakeAProblemTimeLimited() {
        // given: 12 hotline complaints about parking (threshold 10) for one compound, 9 for another, then superseded
        String loud = newCompound();
        String quiet = newCompound();
        feedback(loud, "PARKING", "12", null);
        feedback(quiet, "PARKING", "9", null);
        UUID superseded = feedback(quiet + "001", "PARKING", "4", null);
        feedback(quiet + "001", "PARKING", "0", superseded);
        feedback(quiet, "PROPERTY_MANAGEMENT", "40", null);
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from complaint where area_code like '"
                + quiet + "%'") == 4 && count("select count(*) from complaint where area_code = '" + loud + "'") == 1);

        // when: both fail C08 (parking), whose indicator default is BEST_EFFORT
        deliver(result(2025, loud, "C08", Verdict.FAIL, "0", 1, null));
        deliver(result(2025, quiet, "C08", Verdict.FAIL, "0", 1, null));

        // then
        JsonNode raised = awaitProblem(loud, 2025, "C08");
        assertThat(raised.get("rectificationClass").asString()).isEqualTo("TIME_LIMITED");
        assertThat(raised.get("classReason").asString()).isEqualTo("COMPLAINTS:12");
        assertThat(raised.get("deadline").isNull()).isFalse();
        JsonNode kept = awaitProblem(quiet, 2025, "C08");
        assertThat(kept.get("rectificationClass").asString()).isEqualTo("BEST_EFFORT");
        assertThat(kept.get("deadline").isNull()).isTrue();
    }

    @Test
    void complaintsReachingTheThresholdLaterRaiseAnOpenProblem() {
        // given: a BEST_EFFORT parking problem in a community's compound, with 6 complaints for the community
        String compound = newCompound();
        String community = compound.substring(0, 12);
        feedback(community, "PARKING", "6", null);
        Awaitility.await().atMost(WAIT).until(() -> count("select count(*) from complaint where area_code = '" + community
                + "'") == 1);
        deliver(result(2025, compound, "C08", Verdict.FAIL, "0", 1, null));
        String id = awaitProblem(compound, 2025, "C08").get("id").asString();
        assertThat(problem(id).get("rectificationClass").asString()).isEqualTo("BEST_EFFORT");

        // when: 5 more complaints arrive for the compound (11 >= 10)
        feedback(compound, "PARKING", "5", null);

        // then
        Awaitility.await().atMost(WAIT).until(() -> problem(id).get("rectificationClass").asString().equals("TIME_LIMITED"));
        JsonNode raised = problem(id);
        assertThat(raised.get("classReason").asString()).isEqualTo("COMPLAINTS:11");
        assertThat(raised.get("deadline").isNull()).isFalse();
        assertThat(historyActions(id)).containsExactly("IDENTIFY", "CLASS_RAISED");
    }

    /**
     * The copy's tables are filled here as service-kit's catalog copy fills them (CatalogCopyIT tests that path): the
     * compacted catalog topics are shared by every test context of the JVM, and extra areas or indicators there would
     * change what CatalogCopyIT counts.
     */
    @Test
    void problemTakesItsAreaPathAndTheIndicatorsSuggestionFromTheCatalogCopy() {
        // given: the copy knows the street, community, compound and building, and two indicators
        String compound = "360199901" + newCompound().substring(9); // district 360199 does not exist in Jiangxi
        String building = compound + "007";
        String community = compound.substring(0, 12);
        String facility = "T" + compound.substring(9);
        String safety = "S" + compound.substring(9);
        sql("insert into area_copy (code, name_zh, level, parent_code) values ('360199901', '测试街道', 'STREET', '360199'), "
                + "('" + community + "', '测试社区', 'COMMUNITY', '360199901'), "
                + "('" + compound + "', '测试小区', 'COMPOUND', '" + community + "'), "
                + "('" + building + "', '7号楼', 'BUILDING', '" + compound + "') on conflict do nothing");
        copyIndicator(CatalogCopyIT.indicator(facility, 1, false, "停车位缺口", "设施完善", "增设公共停车位"));
        copyIndicator(CatalogCopyIT.indicator(safety, 1, false, "结构安全", "安全耐久", null));

        // when
        deliver(result(2025, building, facility, Verdict.FAIL, "0", 1, null));
        deliver(result(2025, building, safety, Verdict.FAIL, "0", 1, null));

        // then
        JsonNode problem = awaitProblem(building, 2025, facility);
        assertThat(problem.get("rectificationArea").asString()).isEqualTo("测试街道/测试社区/测试小区/7号楼");
        assertThat(problem.get("streetCode").asString()).isEqualTo("360199901");
        assertThat(problem.get("communityCode").asString()).isEqualTo(community);
        assertThat(problem.get("compoundCode").asString()).isEqualTo(compound);
        assertThat(problem.get("buildingCode").asString()).isEqualTo(building);
        assertThat(problem.get("suggestion").asString()).isEqualTo("增设公共停车位");
        assertThat(problem.get("problemType").asString()).isEqualTo("设施完善");
        assertThat(problem.get("rectificationClass").asString()).isEqualTo("BEST_EFFORT");
        JsonNode safetyProblem = awaitProblem(building, 2025, safety);
        assertThat(safetyProblem.get("rectificationClass").asString()).isEqualTo("TIME_LIMITED");
        assertThat(safetyProblem.get("classReason").asString()).isEqualTo("SAFETY_CATEGORY:安全耐久");
        assertThat(safetyProblem.get("deadline").isNull()).isFalse();
    }

    private void copyIndicator(IndicatorDefined indicator) {
        sql("insert into indicator_copy (code, revision, retired, system_code, system_kind, name_zh, definition) values ('"
                + indicator.code() + "', 1, false, 'NATIONAL_BASIC', 'NATIONAL_BASIC', '" + indicator.nameZh() + "', '"
                + json.writeValueAsString(indicator).replace("'", "''") + "'::jsonb)");
    }

    @Test
    void passAfterAReportedFixVerifiesTheProblemByData() {
        String area = newCompound();
        deliver(result(2025, area, "U01", Verdict.FAIL, "0", 1, null));
        String id = awaitProblem(area, 2025, "U01").get("id").asString();
        reportFixed(id);

        deliver(result(2025, area, "U01", Verdict.PASS, "2", 2, null));

        Awaitility.await().atMost(WAIT).until(() -> problem(id).get("status").asString().equals("VERIFIED"));
        JsonNode verified = problem(id);
        assertThat(verified.get("verifiedBy").asString()).isEqualTo("DATA");
        assertThat(verified.get("passedWithoutReport").asBoolean()).isFalse();
        assertThat(historyActions(id)).containsExactly("IDENTIFY", "CONFIRM", "ASSIGN", "START", "REPORT_FIXED", "VERIFY");
        assertThat(meters.find("tijian.ledger.problems.time.to.verification").tag("by", "DATA").timer())
                .isNotNull().satisfies(timer -> assertThat(timer.count()).isPositive());
    }

    @Test
    void passNobodyReportedIsFlaggedAndOlderResultsAreIgnored() {
        String area = newCompound();
        deliver(result(2025, area, "U01", Verdict.FAIL, "0", 3, null));
        String id = awaitProblem(area, 2025, "U01").get("id").asString();

        deliver(result(2025, area, "U01", Verdict.PASS, "2", 2, null)); // older than the problem's result: ignored
        deliver(result(2025, area, "U01", Verdict.PASS, "5", 4, null));

        Awaitility.await().atMost(WAIT).until(() -> problem(id).get("passedWithoutReport").asBoolean());
        JsonNode flagged = problem(id);
        assertThat(flagged.get("status").asString()).isEqualTo("IDENTIFIED");
        assertThat(flagged.get("resultVersion").asInt()).isEqualTo(4);
        assertThat(historyActions(id)).containsExactly("IDENTIFY", "PASSED_WITHOUT_REPORT");
        byte[] page = as("nanchang-official").get()
                .uri("/api/ledger/problems?areaCode={area}&checkYear=2025&status=IDENTIFIED", area).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        assertThat(json.readTree(page).get(0).get("passedWithoutReport").asBoolean()).isTrue();
    }

    @Test
    void ledgerAnswersOnlyWithAToken() {
        anonymous().get().uri("/api/ledger/problems?areaCode=3601&checkYear=2025").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0401");
        as("nanchang-official").get().uri("/api/ledger/problems?areaCode=36%25&checkYear=2025").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4014");
        as("nanchang-official").get().uri("/api/ledger/problems?areaCode=3601&status=FIXED").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4014");
        as("nanchang-official").get().uri("/api/ledger/problems?areaCode=3601&size=100000").exchange()
                .expectStatus().isBadRequest();
        as("nanchang-official").get().uri("/api/ledger/problems?areaCode=3601&limit=0").exchange()
                .expectStatus().isBadRequest();
        as("nanchang-official").get().uri("/api/ledger/problems?areaCode=3601&checkYear=twenty").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0400");
        as("nanchang-official").get().uri("/api/ledger/problems/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4001");
        as("nanchang-official").get().uri("/api/ledger/problems/not-a-uuid").exchange()
                .expectStatus().isBadRequest();
    }

    private UUID feedback(String area, String topic, String complaints, UUID supersedes) {
        UUID id = UUID.randomUUID();
        var event = new PublicFeedbackReported(id, ObservationKind.HOTLINE, 2025, area, topic, "12345",
                new BigDecimal(complaints), null, "urban-management", "urban-dept", UUID.randomUUID(), 1,
                supersedes == null ? 1 : 2, supersedes, Instant.now());
        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, json.writeValueAsString(event), Map.of(
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, "org.tijian.intake.PublicFeedbackReported.v1"));
        return id;
    }
}
