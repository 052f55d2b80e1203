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
