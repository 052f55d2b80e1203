package org.tijian.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tijian.contracts.catalog.Direction.HIGHER_BETTER;
import static org.tijian.contracts.catalog.Direction.LOWER_BETTER;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The year-over-year rule on plain values. */
class TrendTest {

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aHigherValueRisesALowerFallsAnEqualOneIsFlatComparedAsNumbers() {
        assertThat(Trend.between(n("64"), n("70"))).isEqualTo(Trend.RISING);
        assertThat(Trend.between(n("70"), n("64"))).isEqualTo(Trend.FALLING);
        assertThat(Trend.between(n("64"), n("64.00"))).isEqualTo(Trend.FLAT);
        assertThat(Trend.between(n("-1"), n("0"))).isEqualTo(Trend.RISING);
    }

    @Test
    void aMissingValueInEitherYearGivesNoTrend() {
        assertThat(Trend.between(null, n("64"))).isNull();
        assertThat(Trend.between(n("64"), null)).isNull();
        assertThat(Trend.between(null, null)).isNull();
    }

    @Test
    void risingIsBetterForHigherBetterAndFallingForLowerBetter() {
        assertThat(Trend.better(Trend.RISING, HIGHER_BETTER)).isTrue();
        assertThat(Trend.better(Trend.FALLING, HIGHER_BETTER)).isFalse();
        assertThat(Trend.better(Trend.FALLING, LOWER_BETTER)).isTrue();
        assertThat(Trend.better(Trend.RISING, LOWER_BETTER)).isFalse();
    }

    @Test
    void flatUnknownOrUndirectedIsNeitherBetterNorWorse() {
        assertThat(Trend.better(Trend.FLAT, HIGHER_BETTER)).isNull();
        assertThat(Trend.better(Trend.FLAT, LOWER_BETTER)).isNull();
        assertThat(Trend.better(null, HIGHER_BETTER)).isNull();
        assertThat(Trend.better(Trend.RISING, null)).isNull();
    }

    @Test
    void trendsReadAsTheYearOverYearTableWritesThem() {
        assertThat(Trend.RISING.nameZh()).isEqualTo("上升");
        assertThat(Trend.FLAT.nameZh()).isEqualTo("持平");
        assertThat(Trend.FALLING.nameZh()).isEqualTo("下降");
        assertThat(Trend.nameZh(null)).isNull();
    }
}
