package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.Grade;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorDefined.GradeBand;
import org.tijian.evaluation.indicator.CityClassification;
import org.tijian.evaluation.indicator.ShippedCatalog;
import org.tijian.evaluation.indicator.StandardSelection;
import org.tijian.evaluation.result.IndicatorResult.Change;
import org.tijian.evaluation.result.ResultInputs.ChildTotals;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;
import org.tijian.evaluation.result.ResultInputs.ReportedValue;

class ResultCalculatorTest {

    private static final CityClassification PREFECTURE = new CityClassification("PREFECTURE_CITY", "MEDIUM");
    private static final AreaPosition CITY = new AreaPosition("369900", AreaLevel.CITY, "360000", PREFECTURE, 1_000_000L,
            20, 4, 2, 1, true);
    private static final AreaPosition COMPOUND = new AreaPosition("369900001001001", AreaLevel.COMPOUND, "369900001001",
            PREFECTURE, null, 20, 1, 0, 0, true);
    private static final AreaPosition BUILDING = new AreaPosition("369900001001001001", AreaLevel.BUILDING,
            "369900001001001", PREFECTURE, null, 0, 0, 0, 0, true);

    private static IndicatorDefined indicator(String code) {
        return ShippedCatalog.builtIn().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    private static Optional<Computed> compute(String code, AreaPosition area, ResultInputs in, boolean hasCurrent) {
        IndicatorDefined indicator = indicator(code);
        return ResultCalculator.compute(indicator, StandardSelection.select(indicator, 2024, area.city()), area, in,
                hasCurrent);
    }

    private static ResultInputs values(Map<String, String> reported) {
        Map<String, ReportedValue> values = new java.util.HashMap<>();
        reported.forEach((k, v) -> values.put(k, new ReportedValue(UUID.randomUUID(), new BigDecimal(v), null)));
        return new ResultInputs(values, List.of(), ChildTotals.NONE, false, 0, false);
    }

    @Test
    void ratioShowsItsFormulaWithTheNumbersFilledIn() {
        Computed u01 = compute("U01", CITY, values(Map.of("U01_COLLECTED", "6400", "U01_PRODUCED", "10000")), false)
                .orElseThrow();
        assertThat(u01.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(u01.value()).isEqualByComparingTo("64");
        assertThat(u01.gap()).isEqualByComparingTo("6");
        assertThat(u01.explanation()).isEqualTo("6 400 / 10 000 = 64% < 70%");
        assertThat(u01.observationIds()).hasSize(2);
    }

    @Test
    void missingInputsAreNamedAndNeverTakenAsZero() {
        Computed u01 = compute("U01", CITY, values(Map.of("U01_COLLECTED", "6400")), false).orElseThrow();
        assertThat(u01.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(u01.value()).isNull();
        assertThat(u01.missing()).containsExactly("U01_PRODUCED");

        AreaPosition withoutPopulation = new AreaPosition("369900", AreaLevel.CITY, null, PREFECTURE, null, 0, 0, 0, 0,
                true);
        Computed u04 = compute("U04", withoutPopulation, values(Map.of("U04_SPORTS_GROUND_AREA", "1000")), false)
                .orElseThrow();
        assertThat(u04.missing()).containsExactly(ResultCalculator.POPULATION);

        Computed zero = compute("U01", CITY, values(Map.of("U01_COLLECTED", "0", "U01_PRODUCED", "0")), false)
                .orElseThrow();
        assertThat(zero.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(zero.missing()).containsExactly("U01_PRODUCED");

        assertThat(compute("U01", CITY, values(Map.of()), false)).as("nothing reported, nothing to record").isEmpty();
        assertThat(compute("U01", CITY, values(Map.of()), true).orElseThrow().verdict())
                .as("everything withdrawn: the earlier result becomes no data").isEqualTo(Verdict.NO_DATA);
    }

    @Test
    void perCapitaDividesByTheAreasPopulation() {
        Computed u04 = compute("U04", CITY, values(Map.of("U04_SPORTS_GROUND_AREA", "3500000")), false).orElseThrow();
        assertThat(u04.value()).isEqualByComparingTo("3.5");
        assertThat(u04.verdict()).isEqualTo(Verdict.PASS);
        assertThat(u04.explanation()).isEqualTo("3 500 000 / 1 000 000 = 3.5 > 3.2");
    }

    @Test
    void anItemWithAFindingFailsAndASurveyedOneWithoutPassesOnlyIfItIsOfInterest() {
        ResultInputs finding = new ResultInputs(Map.of(), List.of(new ReportedFinding(UUID.randomUUID(), "GAS_HAZARD",
                "SEVERE", "燃气立管锈蚀")), ChildTotals.NONE, false, 0, false);
        Computed failing = compute("H02", BUILDING, finding, false).orElseThrow();
        assertThat(failing.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(failing.gap()).isEqualByComparingTo("1");
        assertThat(failing.detailZh()).isEqualTo("燃气立管锈蚀");
        assertThat(failing.severity()).isEqualTo("SEVERE");

        ResultInputs surveyedClean = new ResultInputs(Map.of(), List.of(), ChildTotals.NONE, true, 0, false);
        assertThat(compute("H02", BUILDING, surveyedClean, false)).as("nothing to say about a fine building").isEmpty();
        ResultInputs failedLastYear = new ResultInputs(Map.of(), List.of(), ChildTotals.NONE, true, 0, true);
        assertThat(compute("H02", BUILDING, failedLastYear, false).orElseThrow().verdict()).isEqualTo(Verdict.PASS);
        ResultInputs notSurveyed = new ResultInputs(Map.of(), List.of(), ChildTotals.NONE, false, 0, true);
        Computed unknown = compute("H02", BUILDING, notSurveyed, false).orElseThrow();
        assertThat(unknown.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(unknown.missing()).containsExactly(ResultCalculator.SURVEY);
    }

    @Test
    void anAreaCountsItsChildrensFailingItemsAndStatesHowMuchWasSurveyed() {
        // buildings b1 and b2 fail (one item each), b3 passes: three values (1, 1, 0), three items behind them
        ChildTotals buildings = new ChildTotals(2, 3, new BigDecimal(2), 3, 0, BigDecimal.ZERO, BigDecimal.ZERO);
        Computed compound = compute("H02", COMPOUND, new ResultInputs(Map.of(), List.of(), buildings, false, 15, false),
                false).orElseThrow();
        assertThat(compound.value()).isEqualByComparingTo("2");
        assertThat(compound.itemsSurveyed()).isEqualTo(15);
        assertThat(compound.itemsTotal()).isEqualTo(20);
        assertThat(compound.explanation()).isEqualTo("2 栋存在问题（已调查 15 / 20 栋）：2 > 0");
        assertThat(compute("H02", COMPOUND, new ResultInputs(Map.of(), List.of(), ChildTotals.NONE, false, 0, false), false))
                .as("neither surveyed nor found: nothing known").isEmpty();
    }

    @Test
    void gradeBandsGradeByTheShareOfProblemItems() {
        List<GradeBand> bands = List.of(new GradeBand(Grade.GOOD, new BigDecimal("5")),
                new GradeBand(Grade.MEDIUM, new BigDecimal("20")), new GradeBand(Grade.POOR, new BigDecimal("100")));
        assertThat(ResultCalculator.grade(bands, 1, 20)).isEqualTo("GOOD");
        assertThat(ResultCalculator.grade(bands, 2, 20)).isEqualTo("MEDIUM");
        assertThat(ResultCalculator.grade(bands, 5, 20)).isEqualTo("POOR");
        assertThat(ResultCalculator.grade(List.of(), 5, 20)).isNull();
        assertThat(ResultCalculator.grade(bands, 0, 0)).isNull();
    }

    @Test
    void aNewVersionOnlyWhenTheValueOrTheVerdictChanges() {
        IndicatorDefined u01 = indicator("U01");
        Computed failing = compute("U01", CITY, values(Map.of("U01_COLLECTED", "6400", "U01_PRODUCED", "10000")), false)
                .orElseThrow();
        IndicatorResult first = IndicatorResult.first(2024, CITY, u01, failing, 1, Instant.EPOCH);
        Computed sameShare = compute("U01", CITY, values(Map.of("U01_COLLECTED", "640", "U01_PRODUCED", "1000")), false)
                .orElseThrow();
        IndicatorResult.Revised same = first.revise(CITY, u01, sameShare, 1, Instant.now());
        assertThat(same.change()).as("same value, other inputs: updated, not published").isEqualTo(Change.IN_PLACE);
        assertThat(same.result().version()).isEqualTo(1);
        assertThat(first.revise(CITY, u01, failing, 1, Instant.now()).change()).isEqualTo(Change.NONE);
        Computed passing = compute("U01", CITY, values(Map.of("U01_COLLECTED", "7500", "U01_PRODUCED", "10000")), false)
                .orElseThrow();
        IndicatorResult.Revised fixed = first.revise(CITY, u01, passing, 1, Instant.now());
        assertThat(fixed.change()).isEqualTo(Change.NEW_VERSION);
        assertThat(fixed.result().version()).isEqualTo(2);
        assertThat(fixed.result().id()).isEqualTo(first.id());
        assertThat(fixed.result().verdict()).isEqualTo(Verdict.PASS);
    }
}
