package org.tijian.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.StandardOperator;

class StandardSelectionTest {

    private final Map<String, IndicatorDefined> catalog = ShippedCatalog.builtIn().stream()
            .collect(Collectors.toMap(IndicatorDefined::code, Function.identity()));

    @Test
    void aStandardForEveryCityAppliesWhateverTheClass() {
        EvaluationStandard sewage = StandardSelection.select(catalog.get("U01"), 2025,
                new CityClassification("PREFECTURE_CITY", "LARGE"));

        assertThat(sewage.describe()).isEqualTo(">= 70");
        Judgment failing = sewage.judge(new BigDecimal("64"));
        assertThat(failing.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failing.gap()).isEqualByComparingTo("6");
        assertThat(failing.explanation()).isEqualTo("64 < 70");
        assertThat(sewage.judge(new BigDecimal("70.0")).verdict()).isEqualTo(Verdict.PASS);
        assertThat(sewage.judge(null).verdict()).isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void cityClassPicksTheCapitalOrPrefectureThresholdAndCountiesAreNotGraded() {
        IndicatorDefined pipeMonitoring = catalog.get("U27");

        assertThat(StandardSelection.select(pipeMonitoring, 2024, new CityClassification("PROVINCIAL_CAPITAL", null))
                .describe()).isEqualTo(">= 30");
        assertThat(StandardSelection.select(pipeMonitoring, 2024, new CityClassification("PREFECTURE_CITY", "MEDIUM"))
                .describe()).isEqualTo(">= 15");
        EvaluationStandard county = StandardSelection.select(pipeMonitoring, 2024, new CityClassification("COUNTY", null));
        assertThat(county.operator()).isEqualTo(StandardOperator.NOT_GRADED);
        assertThat(county.noteZh()).contains("不适用于本市");
        assertThat(county.judge(new BigDecimal("3")).verdict()).isEqualTo(Verdict.NOT_GRADED);
    }

    @Test
    void sizeClassPicksTheRailCommuteThresholdAndSmallerCitiesAreNotGraded() {
        IndicatorDefined railCommute = catalog.get("U15");

        assertThat(StandardSelection.select(railCommute, 2025, new CityClassification("PREFECTURE_CITY", "MEGA"))
                .describe()).isEqualTo(">= 20");
        assertThat(StandardSelection.select(railCommute, 2025, new CityClassification("PROVINCIAL_CAPITAL", "LARGE"))
                .describe()).isEqualTo(">= 10");
        assertThat(StandardSelection.select(railCommute, 2025, new CityClassification("PREFECTURE_CITY", "MEDIUM"))
                .operator()).isEqualTo(StandardOperator.NOT_GRADED);
        assertThat(StandardSelection.select(railCommute, 2025, CityClassification.UNKNOWN).operator())
                .isEqualTo(StandardOperator.NOT_GRADED);
    }

    @Test
    void aYearWithoutStandardsIsNotGradedAndSaysSo() {
        EvaluationStandard next = StandardSelection.select(catalog.get("U01"), 2026, CityClassification.UNKNOWN);

        assertThat(next.operator()).isEqualTo(StandardOperator.NOT_GRADED);
        assertThat(next.noteZh()).isEqualTo("2026年未设定评价标准");
    }

    @Test
    void betweenPassesInsideTheBandAndGivesTheDistanceOutside() {
        EvaluationStandard band = new EvaluationStandard("X01", "测试", null, "%", null, 2025, null, null,
                StandardOperator.BETWEEN, new BigDecimal("10"), new BigDecimal("20"), null);

        assertThat(band.describe()).isEqualTo("between 10 and 20");
        assertThat(band.judge(new BigDecimal("15")).verdict()).isEqualTo(Verdict.PASS);
        assertThat(band.judge(new BigDecimal("8")).gap()).isEqualByComparingTo("2");
        assertThat(band.judge(new BigDecimal("23.5")).explanation()).isEqualTo("23.5 > 20");
    }
}
