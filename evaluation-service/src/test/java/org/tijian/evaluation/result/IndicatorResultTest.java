package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.StandardOperator;
import org.tijian.evaluation.indicator.EvaluationStandard;

class IndicatorResultTest {

    private static final EvaluationStandard SEWAGE = new EvaluationStandard("U01", "城市生活污水集中收集率",
            Dimension.CITY, "%", RectificationClass.BEST_EFFORT, 2025, null, null, StandardOperator.AT_LEAST,
            new BigDecimal("70"), null, "不低于70%。");
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

    @Test
    void aChangedStandardJudgesTheSameValueAgainKeepingItsLineage() {
        UUID observation = UUID.randomUUID();
        IndicatorResult first = IndicatorResult.first(2025, "3601", SEWAGE, new BigDecimal("64"), "%", observation, T0);
        EvaluationStandard lowered = new EvaluationStandard("U01", "城市生活污水集中收集率", Dimension.CITY, "%",
                RectificationClass.BEST_EFFORT, 2025, null, null, StandardOperator.AT_LEAST, new BigDecimal("60"), null, "");

        IndicatorResult rejudged = first.rejudge(lowered, T0.plusSeconds(60)).orElseThrow();

        assertThat(rejudged.verdict()).isEqualTo(Verdict.PASS);
        assertThat(rejudged.version()).isEqualTo(2);
        assertThat(rejudged.standard()).isEqualTo(">= 60");
        assertThat(rejudged.observationIds()).containsExactly(observation);
        assertThat(rejudged.rejudge(lowered, T0.plusSeconds(90))).isEmpty();
    }
}
