package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
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

        assertThat(Problem.identify(compound, Instant.now())).isEmpty();
        assertThat(Problem.identify(building, Instant.now())).isPresent();
    }

    @Test
    void failingResultOpensAProblemDescribedAsOfficialsReadIt() {
        IndicatorEvaluated failing = result("3601", "U01", Verdict.FAIL, "64.0");

        Problem problem = Problem.identify(failing, Instant.now()).orElseThrow();

        assertThat(problem.description()).isEqualTo("城市生活污水集中收集率：64%，未达到评价标准（>= 70%）");
        assertThat(problem.status()).isEqualTo(ProblemStatus.IDENTIFIED);
        assertThat(problem.rectificationClass()).isEqualTo(RectificationClass.BEST_EFFORT);
        assertThat(problem.sourceResultId()).isEqualTo(failing.resultId());
        assertThat(problem.identified().problemId()).isEqualTo(problem.id());
    }

    @Test
    void otherVerdictsOpenNoProblem() {
        assertThat(Problem.identify(result("3601", "U01", Verdict.PASS, "75"), Instant.now())).isEmpty();
        assertThat(Problem.identify(result("3601", "U10", Verdict.NOT_GRADED, "12"), Instant.now())).isEmpty();
    }
}
