package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.evaluation.standard.Direction;
import org.tijian.evaluation.standard.EvaluationStandard;
import org.tijian.evaluation.standard.Operator;

class IndicatorResultTest {

    private static final EvaluationStandard SEWAGE = new EvaluationStandard("U01", "城市生活污水集中收集率",
            "Urban domestic sewage collection rate", Dimension.CITY, "生态宜居", "%", Direction.HIGHER_BETTER,
            Operator.AT_LEAST, new BigDecimal("70"), "", RectificationClass.BEST_EFFORT);
    private static final Instant T0 = Instant.parse("2025-05-01T00:00:00Z");

    @Test
    void sameValueAgainChangesNothing() {
        IndicatorResult first = IndicatorResult.first(2025, "3601", SEWAGE, new BigDecimal("64"), "%", UUID.randomUUID(), T0);

        assertThat(first.revise(SEWAGE, new BigDecimal("64.00"), "%", UUID.randomUUID(), T0.plusSeconds(5))).isEmpty();
    }

    @Test
    void correctionToAPassingValueIsANewVersionWithItsLineage() {
        UUID firstObservation = UUID.randomUUID();
        UUID correction = UUID.randomUUID();
        IndicatorResult first = IndicatorResult.first(2025, "3601", SEWAGE, new BigDecimal("64"), "%", firstObservation, T0);

        IndicatorResult revised = first.revise(SEWAGE, new BigDecimal("72"), "%", correction, T0.plusSeconds(5)).orElseThrow();

        assertThat(first.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(revised.id()).isEqualTo(first.id());
        assertThat(revised.version()).isEqualTo(2);
        assertThat(revised.verdict()).isEqualTo(Verdict.PASS);
        assertThat(revised.gap()).isNull();
        assertThat(revised.observationIds()).containsExactly(firstObservation, correction);
        assertThat(revised.evaluated(SEWAGE).explanation()).isEqualTo("72 > 70");
    }
}
