package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;

class ProblemTest {

    static IndicatorEvaluated result(String area, String indicator, Verdict verdict, String value) {
        return new IndicatorEvaluated(UUID.randomUUID(), 1, 2025, area, indicator, "城市生活污水集中收集率", Dimension.CITY,
                new BigDecimal(value), "%", verdict, ">= 70", verdict == Verdict.FAIL ? new BigDecimal("6") : null,
                value + " < 70", RectificationClass.BEST_EFFORT, List.of(UUID.randomUUID()), Instant.now(),
                AreaLevel.CITY, AreaLevel.CITY, null, null, null, List.of(), null, 1, null, null);
    }

    static Problem.Opening opening() {
        return new Problem.Opening(ClassingPolicy.defaults(), AreaPath.fromCode("3601", AreaLevel.CITY), null, null, 0,
                LocalDate.of(2025, 6, 1));
    }

    /** A result of the same indicator and area with another version, verdict and value. */
    static IndicatorEvaluated later(IndicatorEvaluated result, int version, Verdict verdict, String value) {
        return new IndicatorEvaluated(UUID.randomUUID(), version, result.checkYear(), result.areaCode(),
                result.indicatorCode(), result.indicatorNameZh(), result.dimension(), new BigDecimal(value), result.unit(),
                verdict, result.standard(), result.gap(), value + " vs " + result.standard(),
                result.defaultRectificationClass(), result.observationIds(), Instant.now(), result.areaLevel(),
                result.evaluationLevel(), null, null, null, List.of(), null, 1, result.detailZh(), result.severity());
    }

    @Test
    void anAggregateOfFailingBuildingsOpensNoProblemOfItsOwn() {
        IndicatorEvaluated compound = new IndicatorEvaluated(UUID.randomUUID(), 1, 2025, "360111001001001", "H02",
                "存在燃气安全隐患的住宅数量", Dimension.HOUSING, new BigDecimal("3"), "栋", Verdict.FAIL, "= 0",
                new BigDecimal("3"), "3 栋存在问题（已调查 20 / 20 栋）：3 > 0", RectificationClass.TIME_LIMITED, List.of(),
                Instant.now(), AreaLevel.COMPOUND, AreaLevel.BUILDING, 3L, 20L, 20L, List.of(), null, 1, null, null);
        IndicatorEvaluated building = new IndicatorEvaluated(UUID.randomUUID(), 1, 2025, "360111001001001001", "H02",
                "存在燃气安全隐患的住宅数量", Dimension.HOUSING, BigDecimal.ONE, "栋", Verdict.FAIL, "= 0", BigDecimal.ONE,
                "1 栋存在问题（已调查 1 / 1 栋）：1 > 0", RectificationClass.TIME_LIMITED, List.of(UUID.randomUUID()),
                Instant.now(), AreaLevel.BUILDING, AreaLevel.BUILDING, 1L, 1L, 1L, List.of(), null, 1, "燃气立管锈蚀", "MAJOR");

        assertThat(Problem.identify(compound, opening(), Instant.now())).isEmpty();
        Problem problem = Problem.identify(building, opening(), Instant.now()).orElseThrow();
        assertThat(problem.description()).endsWith("；燃气立管锈蚀");
        AreaPath path = AreaPath.fromCode(building.areaCode(), AreaLevel.BUILDING);
        assertThat(path.streetCode()).isEqualTo("360111001");
        assertThat(path.compoundCode()).isEqualTo("360111001001001");
        assertThat(path.buildingCode()).isEqualTo("360111001001001001");
    }

    @Test
    void failingResultOpensAProblemDescribedAsOfficialsReadIt() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64.0");

        Problem problem = Problem.identify(failing, opening(), Instant.now()).orElseThrow();

        assertThat(problem.description()).isEqualTo("城市生活污水集中收集率：64%，未达到评价标准（>= 70%）");
        assertThat(problem.status()).isEqualTo(ProblemStatus.IDENTIFIED);
        assertThat(problem.rectificationClass()).isEqualTo(RectificationClass.BEST_EFFORT);
        assertThat(problem.sourceResultId()).isEqualTo(failing.resultId());
        assertThat(problem.identified().problemId()).isEqualTo(problem.id());
    }

    @Test
    void aCompletedProjectReportsAnOpenProblemFixedAndLeavesAFixedOneAlone() {
        Problem problem = Problem.identify(result("3601", "U01", Verdict.FAIL, "64"), opening(), Instant.now())
                .orElseThrow();
        UUID project = UUID.randomUUID();

        Problem.Change change = problem.onProjectCompleted(project, "污水管网改造", "验收 2026-015", Instant.now())
                .orElseThrow();

        assertThat(change.after().status()).isEqualTo(ProblemStatus.REPORTED_FIXED);
        assertThat(change.after().fixedAt()).isNotNull();
        assertThat(change.after().version()).isEqualTo(problem.version() + 1);
        assertThat(change.entry().action()).isEqualTo(Action.PROJECT_COMPLETED);
        assertThat(change.entry().actor()).isEqualTo("project:" + project);
        assertThat(change.entry().payload()).containsEntry("acceptanceRecord", "验收 2026-015");
        assertThat(change.after().onProjectCompleted(project, "污水管网改造", "验收 2026-015", Instant.now())).isEmpty();
    }

    @Test
    void otherVerdictsOpenNoProblem() {
        assertThat(Problem.identify(result("3601", "U01", Verdict.PASS, "75"), opening(), Instant.now())).isEmpty();
        assertThat(Problem.identify(result("3601", "U10", Verdict.NOT_GRADED, "12"), opening(), Instant.now())).isEmpty();
    }

    @Test
    void newerFailureUpdatesTheResultAndOlderResultsAreIgnored() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64");
        Problem problem = Problem.identify(failing, opening(), Instant.now()).orElseThrow();

        Problem.Change change = problem.onNewerFailure(later(failing, 2, Verdict.FAIL, "60"), Instant.now()).orElseThrow();

        assertThat(change.after().resultValue()).isEqualByComparingTo("60");
        assertThat(change.after().resultVersion()).isEqualTo(2);
        assertThat(change.after().version()).isEqualTo(problem.version() + 1);
        assertThat(change.entry().action()).isEqualTo(Action.RESULT_UPDATED);
        assertThat(change.after().onNewerFailure(later(failing, 2, Verdict.FAIL, "50"), Instant.now())).isEmpty();
        assertThat(change.after().onNewerPass(later(failing, 1, Verdict.PASS, "80"), Instant.now())).isEmpty();
    }

    @Test
    void passAfterAReportedFixIsVerificationByData() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64");
        Problem problem = WorkflowTest.walk(Problem.identify(failing, opening(), Instant.now()).orElseThrow(),
                Action.CONFIRM, Action.ASSIGN, Action.START, Action.REPORT_FIXED);

        Problem.Change change = problem.onNewerPass(later(failing, 2, Verdict.PASS, "75"), Instant.now()).orElseThrow();

        assertThat(change.after().status()).isEqualTo(ProblemStatus.VERIFIED);
        assertThat(change.after().verifiedBy()).isEqualTo("DATA");
        assertThat(change.entry().fromStatus()).isEqualTo(ProblemStatus.REPORTED_FIXED);
        assertThat(change.event().toStatus()).isEqualTo("VERIFIED");
    }

    @Test
    void passWithoutAReportIsFlaggedAndTheStatusStays() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64");
        Problem problem = WorkflowTest.walk(Problem.identify(failing, opening(), Instant.now()).orElseThrow(),
                Action.CONFIRM, Action.ASSIGN, Action.START);

        Problem.Change change = problem.onNewerPass(later(failing, 2, Verdict.PASS, "75"), Instant.now()).orElseThrow();

        assertThat(change.after().status()).isEqualTo(ProblemStatus.IN_PROGRESS);
        assertThat(change.after().passedWithoutReport()).isTrue();
        assertThat(change.entry().action()).isEqualTo(Action.PASSED_WITHOUT_REPORT);
    }

    @Test
    void failureAfterAVerifiedFixReopensTheProblem() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64");
        Problem verified = WorkflowTest.walk(Problem.identify(failing, opening(), Instant.now()).orElseThrow(),
                Action.CONFIRM, Action.ASSIGN, Action.START, Action.REPORT_FIXED, Action.VERIFY);

        Problem.Change change = verified.onNewerFailure(later(failing, 3, Verdict.FAIL, "61"), Instant.now()).orElseThrow();

        assertThat(change.after().status()).isEqualTo(ProblemStatus.REOPENED);
        assertThat(change.after().verifiedBy()).isNull();
    }

    @Test
    void overdueOnlyPastTheDeadlineAndOnlyOnce() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64");
        Problem problem = WorkflowTest.walk(Problem.identify(failing, opening(), Instant.now()).orElseThrow(),
                Action.CONFIRM, Action.ASSIGN);
        LocalDate deadline = problem.deadline();

        assertThat(problem.dueForOverdue(deadline)).isFalse();
        assertThat(problem.dueForOverdue(deadline.plusDays(1))).isTrue();
        Problem overdue = problem.markOverdue(Instant.now()).after();
        assertThat(overdue.overdue()).isTrue();
        assertThat(overdue.dueForOverdue(deadline.plusDays(2))).isFalse();
        Problem fixed = WorkflowTest.walk(problem, Action.START, Action.REPORT_FIXED);
        assertThat(fixed.dueForOverdue(deadline.plusDays(1))).isFalse();
    }

    @Test
    void carriedProblemKeepsItsWorkAndPointsToItsOrigin() {
        Problem origin = WorkflowTest.walk(Problem.identify(result("3601", "U01", Verdict.FAIL, "64"), opening(),
                Instant.now()).orElseThrow(), Action.CONFIRM, Action.ASSIGN);

        Problem carried = origin.carriedInto(2026, UUID.randomUUID(), Instant.now());

        assertThat(carried.checkYear()).isEqualTo(2026);
        assertThat(carried.carriedFrom()).isEqualTo(origin.id());
        assertThat(carried.status()).isEqualTo(ProblemStatus.ASSIGNED);
        assertThat(carried.responsibleUnit()).isEqualTo(origin.responsibleUnit());
        assertThat(carried.resultVersion()).isZero();
        assertThat(carried.carriedEntry(Instant.now()).action()).isEqualTo(Action.CARRIED_OVER);
    }

    @Test
    void complaintsRaiseAnOpenBestEffortProblemOnceTheyReachTheThreshold() {
        ClassingPolicy policy = new ClassingPolicy(null, null, null, 10L, java.util.Map.of("U01", "PARKING"), 30, null);
        Problem problem = Problem.identify(result("3601", "U01", Verdict.FAIL, "64"), opening(), Instant.now()).orElseThrow();
        LocalDate today = LocalDate.of(2025, 7, 1);

        assertThat(problem.raiseForComplaints(9, policy, today, Instant.now())).isEmpty();
        Problem.Change change = problem.raiseForComplaints(10, policy, today, Instant.now()).orElseThrow();

        assertThat(change.after().rectificationClass()).isEqualTo(RectificationClass.TIME_LIMITED);
        assertThat(change.after().deadline()).isEqualTo(today.plusDays(30));
        assertThat(change.entry().action()).isEqualTo(Action.CLASS_RAISED);
        assertThat(change.after().raiseForComplaints(50, policy, today, Instant.now())).isEmpty();
        Problem fixed = WorkflowTest.walk(problem, Action.CONFIRM, Action.ASSIGN, Action.START, Action.REPORT_FIXED);
        assertThat(fixed.raiseForComplaints(50, policy, today, Instant.now())).isEmpty();
    }
}
