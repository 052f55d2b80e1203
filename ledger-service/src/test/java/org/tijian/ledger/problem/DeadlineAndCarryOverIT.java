package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.ledger.ProblemOverdue;
import org.tijian.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

/** The scheduled deadline check, progress per unit, carry-over into the next year and the completion rate. */
class DeadlineAndCarryOverIT extends LedgerIntegrationTest {

    private static final String OVERDUE_TYPE = "org.tijian.ledger.ProblemOverdue.v1";

    @Autowired
    MeterRegistry meters;

    @Test
    void overdueTimeLimitedProblemIsPublishedOnceAndCountedForItsUnit() {
        // given: a TIME_LIMITED problem assigned to a unit of its own, and one more of the unit fixed in time
        String area = newCompound();
        String unit = "unit-" + area;
        deliver(result(2025, area, "U01", Verdict.FAIL, "0", 1, "SEVERE"));
        deliver(result(2025, area, "U02", Verdict.FAIL, "0", 1, null));
        String late = awaitProblem(area, 2025, "U01").get("id").asString();
        String onTime = awaitProblem(area, 2025, "U02").get("id").asString();
        for (String id : List.of(late, onTime)) {
            act("nanchang-official", id, action("CONFIRM"));
            act("nanchang-official", id, action("ASSIGN", "unit", unit, "deadline", "2099-01-31"));
        }
        act("nanchang-official", onTime, action("START"));
        act("nanchang-official", onTime, action("REPORT_FIXED", "text", "完成"));

        try (KafkaProbe probe = KafkaProbe.on(Topics.LEDGER_PROBLEMS)) {
            // when: the deadline passes (the test moves it into the past)
            sql("update problem set deadline = current_date - 2 where area_code = '" + area + "'");

            // then: the scheduled check marks the open one overdue, once, and publishes it
            var record = probe.await(1, r -> area.equals(r.key()) && OVERDUE_TYPE.equals(KafkaProbe.header(r, "ce_type")),
                    WAIT).get(0);
            ProblemOverdue overdue = json.readValue(record.value(), ProblemOverdue.class);
            assertThat(overdue.problemId().toString()).isEqualTo(late);
            assertThat(overdue.responsibleUnit()).isEqualTo(unit);
            assertThat(overdue.rectificationClass().name()).isEqualTo("TIME_LIMITED");
            assertThat(probe.drain(r -> area.equals(r.key()) && OVERDUE_TYPE.equals(KafkaProbe.header(r, "ce_type")),
                    Duration.ofSeconds(3))).hasSize(1);
        }
        JsonNode problem = problem(late);
        assertThat(problem.get("overdue").asBoolean()).isTrue();
        assertThat(historyActions(late)).containsExactly("IDENTIFY", "CONFIRM", "ASSIGN", "OVERDUE");
        assertThat(problem(onTime).get("overdue").asBoolean()).isFalse();

        JsonNode units = get("nanchang-official", "/api/ledger/statistics/units?checkYear=2025&areaCode={a}", area);
        assertThat(units).hasSize(1);
        JsonNode progress = units.get(0);
        assertThat(progress.get("unit").asString()).isEqualTo(unit);
        assertThat(progress.get("open").asLong()).isEqualTo(1);
        assertThat(progress.get("overdue").asLong()).isEqualTo(1);
        assertThat(progress.get("fixed").asLong()).isEqualTo(1);
        assertThat(progress.get("onTime").asLong()).isZero(); // reported fixed today, after the (moved) deadline
        assertThat(progress.get("late").asLong()).isEqualTo(2);
        assertThat(progress.get("onTimeRate").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        Awaitility.await().atMost(WAIT).until(() -> meters.find("tijian.ledger.problems.overdue").gauge() != null
                && meters.find("tijian.ledger.problems.overdue").gauge().value() >= 1
                && meters.find("tijian.ledger.problems").tags("class", "TIME_LIMITED", "status", "ASSIGNED").gauge() != null);
        as("donghu-official").get().uri("/api/ledger/statistics/units?checkYear=2025&areaCode={a}", area).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void unitProgressCountsOnTimeFixesAndOpenOverdueProblemsAsLate() {
        String area = newCompound();
        String unit = "unit-" + area;
        for (String indicator : List.of("U01", "U02", "U03")) {
            deliver(result(2025, area, indicator, Verdict.FAIL, "0", 1, null));
        }
        for (String indicator : List.of("U01", "U02", "U03")) {
            String id = awaitProblem(area, 2025, indicator).get("id").asString();
            act("nanchang-official", id, action("CONFIRM"));
            act("nanchang-official", id, action("ASSIGN", "unit", unit, "deadline", "2099-01-31"));
            if (!indicator.equals("U03")) {
                act("nanchang-official", id, action("START"));
                act("nanchang-official", id, action("REPORT_FIXED", "text", "完成"));
            }
        }
        String u03 = awaitProblem(area, 2025, "U03").get("id").asString();
        sql("update problem set deadline = current_date - 1 where id = '" + u03 + "'");
        Awaitility.await().atMost(WAIT).until(() -> problem(u03).get("overdue").asBoolean());

        JsonNode progress = get("province-reviewer", "/api/ledger/statistics/units?checkYear=2025&areaCode={a}", area).get(0);

        assertThat(progress.get("onTime").asLong()).isEqualTo(2);
        assertThat(progress.get("late").asLong()).isEqualTo(1);
        assertThat(progress.get("onTimeRate").decimalValue()).isEqualByComparingTo("0.6667");
    }

    @Test
    void theBurnDownCountsOpenedAndClosedProblemsPerWeek() {
        String area = newCompound();
        for (String indicator : List.of("U01", "U02", "U03")) {
            deliver(result(2025, area, indicator, Verdict.FAIL, "0", 1, null));
        }
        String u01 = awaitProblem(area, 2025, "U01").get("id").asString();
        String u02 = awaitProblem(area, 2025, "U02").get("id").asString();
        awaitProblem(area, 2025, "U03");
        act("nanchang-official", u01, action("DISMISS", "reason", "数据有误"));
        act("nanchang-official", u02, action("CONFIRM"));
        act("nanchang-official", u02, action("ASSIGN", "unit", "water", "deadline", "2099-01-31"));
        act("nanchang-official", u02, action("START"));
        act("nanchang-official", u02, action("REPORT_FIXED", "text", "完成"));

        JsonNode burnDown = get("province-reviewer", "/api/ledger/statistics/burn-down?checkYear=2025&areaCode={a}", area);

        assertThat(burnDown.get("total").asLong()).isEqualTo(3);
        JsonNode weeks = burnDown.get("weeks");
        assertThat(weeks.size()).isPositive();
        JsonNode last = weeks.get(weeks.size() - 1);
        assertThat(last.get("open").asLong()).as("opened 3, dismissed 1, reported fixed 1").isEqualTo(1);
        assertThat(java.time.LocalDate.parse(last.get("week").asString()).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
        as("donghu-official").get().uri("/api/ledger/statistics/burn-down?checkYear=2025&areaCode={a}", area).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void carryOverTakesUnresolvedProblemsIntoTheNextYearOnceAndCompletionIsPerClass() {
        // given: four problems of 2024 in one compound: verified, dismissed, in progress (TIME_LIMITED), identified
        String area = newCompound();
        deliver(result(2024, area, "U01", Verdict.FAIL, "0", 1, null));
        deliver(result(2024, area, "U02", Verdict.FAIL, "0", 1, null));
        deliver(result(2024, area, "U03", Verdict.FAIL, "0", 1, "SEVERE"));
        deliver(result(2024, area, "U04", Verdict.FAIL, "0", 1, null));
        String verified = awaitProblem(area, 2024, "U01").get("id").asString();
        String dismissed = awaitProblem(area, 2024, "U02").get("id").asString();
        String inProgress = awaitProblem(area, 2024, "U03").get("id").asString();
        String identified = awaitProblem(area, 2024, "U04").get("id").asString();
        reportFixed(verified);
        act("nanchang-official", verified, action("VERIFY", "inspectionRecord", "核查记录"));
        act("nanchang-official", dismissed, action("DISMISS", "reason", "重复上报"));
        act("nanchang-official", inProgress, action("CONFIRM"));
        act("nanchang-official", inProgress, action("ASSIGN", "unit", "water"));
        act("water-unit", inProgress, action("START"));
        // and 2025's evaluation already found U04 failing again before the carry-over
        deliver(result(2025, area, "U04", Verdict.FAIL, "0", 1, null));
        String u04of2025 = awaitProblem(area, 2025, "U04").get("id").asString();

        // when: carried over twice
        JsonNode first = carryOver("nanchang-official", area);
        JsonNode second = carryOver("admin", area);

        // then: once
        assertThat(first.get("carried").asLong()).isEqualTo(1);
        assertThat(first.get("linked").asLong()).isEqualTo(1);
        assertThat(second.get("carried").asLong()).isZero();
        assertThat(second.get("linked").asLong()).isZero();
        JsonNode next = problems(area, 2025);
        assertThat(next).hasSize(2);
        JsonNode carried = one(area, 2025, "U03");
        assertThat(carried.get("carriedFrom").asString()).isEqualTo(inProgress);
        assertThat(carried.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(carried.get("responsibleUnit").asString()).isEqualTo("water");
        assertThat(historyActions(carried.get("id").asString())).containsExactly("CARRIED_OVER");
        assertThat(problem(u04of2025).get("carriedFrom").asString()).isEqualTo(identified);

        // completion of 2024: TIME_LIMITED 0 of 1 until its carried problem is verified; BEST_EFFORT 1 of 2
        assertThat(completion(area, "TIME_LIMITED").get("rate").decimalValue()).isEqualByComparingTo("0");
        String carriedId = carried.get("id").asString();
        act("water-unit", carriedId, action("REPORT_FIXED", "text", "完成"));
        act("nanchang-official", carriedId, action("VERIFY", "inspectionRecord", "核查记录"));
        JsonNode timeLimited = completion(area, "TIME_LIMITED");
        assertThat(timeLimited.get("total").asLong()).isEqualTo(1);
        assertThat(timeLimited.get("completed").asLong()).isEqualTo(1);
        assertThat(timeLimited.get("rate").decimalValue()).isEqualByComparingTo("1");
        JsonNode bestEffort = completion(area, "BEST_EFFORT");
        assertThat(bestEffort.get("total").asLong()).isEqualTo(2);
        assertThat(bestEffort.get("completed").asLong()).isEqualTo(1);
        assertThat(bestEffort.get("rate").decimalValue()).isEqualByComparingTo("0.5");
    }

    @Test
    void onlyAdministratorsAndCityOfficialsOfTheAreaCarryOver() {
        String area = newCompound();
        as("donghu-official").post().uri("/api/ledger/carry-overs").bodyValue(Map.of("fromYear", 2024, "areaCode", area))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4011");
        as("province-reviewer").post().uri("/api/ledger/carry-overs").bodyValue(Map.of("fromYear", 2024, "areaCode", area))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4011");
        as("nanchang-official").post().uri("/api/ledger/carry-overs").bodyValue(Map.of("fromYear", 2024, "areaCode", "3602"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4012");
        as("nanchang-official").post().uri("/api/ledger/carry-overs").bodyValue(Map.of("fromYear", 24, "areaCode", area))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("LEDGER_E4015");
        anonymous().post().uri("/api/ledger/carry-overs").bodyValue(Map.of("fromYear", 2024, "areaCode", area))
                .exchange().expectStatus().isUnauthorized();
    }

    private JsonNode carryOver(String username, String area) {
        byte[] body = as(username).post().uri("/api/ledger/carry-overs")
                .bodyValue(Map.of("fromYear", 2024, "areaCode", area)).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return json.readTree(body);
    }

    private JsonNode completion(String area, String rectificationClass) {
        for (JsonNode row : get("nanchang-official", "/api/ledger/statistics/completion?checkYear=2024&areaCode={a}", area)) {
            if (row.get("rectificationClass").asString().equals(rectificationClass)) {
                return row;
            }
        }
        throw new AssertionError("no completion row for " + rectificationClass);
    }
}
