package org.tijian.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.catalog.AcquisitionMethod;
import org.tijian.contracts.catalog.CheckCycle;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.Direction;
import org.tijian.contracts.catalog.Grade;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorDefined.Computation;
import org.tijian.contracts.catalog.IndicatorDefined.DataElement;
import org.tijian.contracts.catalog.IndicatorDefined.GradeBand;
import org.tijian.contracts.catalog.IndicatorDefined.Standard;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import org.tijian.contracts.catalog.StandardOperator;

class IndicatorRulesTest {

    @Test
    void aWellFormedRatioPasses() {
        assertThat(IndicatorRules.check(ratio("吨/年", "吨/年", "%", new BigDecimal(100)))).isEmpty();
    }

    @Test
    void aPercentageOfTwoDifferentUnitsIsAUnitMismatch() {
        assertThat(codes(ratio("吨/年", "立方米/年", "%", new BigDecimal(100)))).containsExactly("IND_E2114");
    }

    @Test
    void aRatioWithoutScaleMustCarryTheQuotientOfItsUnits() {
        assertThat(IndicatorRules.check(ratio("公里", "平方公里", "公里/平方公里", null))).isEmpty();
        assertThat(IndicatorRules.check(ratio("公里", "平方公里", "%", null)))
                .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("unit"));
    }

    @Test
    void perCapitaAndValueIndicatorsFollowTheirDataElementsUnit() {
        IndicatorDefined perCapita = indicator("平方米", new Computation(ComputationType.PER_CAPITA, null, "X_AREA", null, null,
                null), List.of(new DataElement("X_AREA", "面积", "平方米")));
        assertThat(codes(perCapita)).containsExactly("IND_E2114");
        IndicatorDefined value = indicator("个", new Computation(ComputationType.VALUE, null, "X_COUNT", null, null, null),
                List.of(new DataElement("X_COUNT", "数量", "个")));
        assertThat(IndicatorRules.check(value)).isEmpty();
    }

    @Test
    void aCountIndicatorCountsFindingsInACountingUnit() {
        IndicatorDefined count = indicator("%", new Computation(ComputationType.ITEM_COUNT, null, null, null, null, null),
                List.of());
        assertThat(codes(count)).containsExactlyInAnyOrder("IND_E2112", "IND_E2114");
    }

    @Test
    void theComputationMayOnlyNameDeclaredDataElements() {
        IndicatorDefined undeclared = indicator("%", new Computation(ComputationType.RATIO, null, null, "T_A", "T_B",
                new BigDecimal(100)), List.of(new DataElement("T_A", "甲", "个")));
        assertThat(codes(undeclared)).containsExactly("IND_E2113");
    }

    @Test
    void standardsNeedUsableThresholdsOncePerYearAndClass() {
        IndicatorDefined indicator = ratio("吨/年", "吨/年", "%", new BigDecimal(100)).withStandards(List.of(
                new Standard(2025, null, null, StandardOperator.AT_LEAST, null, null, null),
                new Standard(2025, null, null, StandardOperator.AT_LEAST, new BigDecimal(120), null, null),
                new Standard(2025, "METROPOLIS", null, StandardOperator.AT_LEAST, new BigDecimal(50), null, null),
                new Standard(2025, null, "LARGE", StandardOperator.BETWEEN, new BigDecimal(50), new BigDecimal(40), null),
                new Standard(2019, null, null, StandardOperator.NOT_GRADED, null, null, null)));

        assertThat(codes(indicator)).containsExactlyInAnyOrder("IND_E2116", "IND_E2117", "IND_E2116", "IND_E2118",
                "IND_E2116", "IND_E2119");
    }

    @Test
    void gradeBandsGrowInOrderAndOnlyGradeCounts() {
        IndicatorDefined count = indicator("栋", new Computation(ComputationType.ITEM_COUNT, "GAS_HAZARD", null, null, null,
                null), List.of());
        IndicatorDefined banded = new IndicatorDefined(count.code(), count.systemCode(), count.systemKind(), null,
                count.nameZh(), null, count.dimension(), count.categoryZh(), count.unit(), count.direction(), false,
                count.acquisitionMethods(), count.checkCycle(), count.evaluationLevel(), null, null,
                count.defaultRectificationClass(), null, count.computation(), count.dataElements(), count.standards(),
                List.of(new GradeBand(Grade.GOOD, new BigDecimal(5)), new GradeBand(Grade.MEDIUM, new BigDecimal(15)),
                        new GradeBand(Grade.POOR, new BigDecimal(100))), List.of(), false, 1);
        assertThat(IndicatorRules.check(banded)).isEmpty();

        IndicatorDefined shuffled = new IndicatorDefined(count.code(), count.systemCode(), count.systemKind(), null,
                count.nameZh(), null, count.dimension(), count.categoryZh(), count.unit(), count.direction(), false,
                count.acquisitionMethods(), count.checkCycle(), count.evaluationLevel(), null, null,
                count.defaultRectificationClass(), null, count.computation(), count.dataElements(), count.standards(),
                List.of(new GradeBand(Grade.MEDIUM, new BigDecimal(15)), new GradeBand(Grade.GOOD, new BigDecimal(5))),
                List.of(), false, 1);
        assertThat(codes(shuffled)).containsExactly("IND_E2120");
    }

    @Test
    void missingFieldsAreEachNamed() {
        IndicatorDefined empty = new IndicatorDefined("x", null, null, null, null, null, null, null, null, null, false,
                null, null, null, null, null, null, null, null, null, null, null, null, false, 0);

        assertThat(IndicatorRules.check(empty)).extracting(IndicatorRules.Violation::field)
                .contains("code", "nameZh", "categoryZh", "unit", "dimension", "direction", "checkCycle",
                        "evaluationLevel", "defaultRectificationClass", "acquisitionMethods", "computation.type");
    }

    private static List<String> codes(IndicatorDefined indicator) {
        return IndicatorRules.check(indicator).stream().map(v -> v.error().code()).toList();
    }

    static IndicatorDefined ratio(String numeratorUnit, String denominatorUnit, String unit, BigDecimal scale) {
        return indicator(unit, new Computation(ComputationType.RATIO, null, null, "T01_PART", "T01_WHOLE", scale),
                List.of(new DataElement("T01_PART", "部分", numeratorUnit), new DataElement("T01_WHOLE", "总量", denominatorUnit)));
    }

    static IndicatorDefined indicator(String unit, Computation computation, List<DataElement> elements) {
        return new IndicatorDefined("T01", "NC-SPECIFIC", IndicatorSystemKind.CITY_SPECIFIC, "360100", "测试指标", "Test",
                Dimension.CITY, "测试要素", unit, Direction.HIGHER_BETTER, false,
                List.of(AcquisitionMethod.DEPARTMENT_STATISTICS), CheckCycle.YEARLY, AreaLevel.CITY, "housing",
                "市住房城乡建设局", RectificationClass.BEST_EFFORT, "建议", computation, elements,
                List.of(new Standard(2025, null, null, StandardOperator.AT_LEAST, new BigDecimal(50), null, "不低于50%")),
                List.of(), List.of(), false, 1);
    }
}
