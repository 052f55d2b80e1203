package org.tijian.evaluation.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.Direction;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import org.tijian.evaluation.indicator.ShippedCatalog;
import org.tijian.evaluation.result.IndicatorResult;
import org.tijian.kit.error.TijianException;

/** Which indicators a report lists and in which order, how cities rank, how a scorecard counts: no Spring, no SQL. */
class ReportRulesTest {

    private static final String PROVINCE = "350000";
    private static final String CITY = "359100";
    private static final ReportArea CITY_AREA = new ReportArea(CITY, "甲市", AreaLevel.CITY, PROVINCE, CITY, PROVINCE,
            "PREFECTURE_CITY", "MEDIUM");
    private static final ReportArea PROVINCE_AREA = new ReportArea(PROVINCE, "测试省", AreaLevel.PROVINCE, null, null,
            PROVINCE, null, null);

    private static final Map<String, IndicatorDefined> NATIONAL = ShippedCatalog.builtIn().stream()
            .collect(Collectors.toMap(IndicatorDefined::code, Function.identity()));

    /** A copy of a national indicator as another system's, owned by an area. */
    private static IndicatorDefined owned(String code, IndicatorSystemKind kind, String owner, boolean retired) {
        IndicatorDefined i = NATIONAL.get("U01");
        return new IndicatorDefined(code, code + "_SYSTEM", kind, owner, i.nameZh(), i.nameEn(), i.dimension(),
                "特色", i.unit(), i.direction(), false, i.acquisitionMethods(), i.checkCycle(), i.evaluationLevel(),
                i.responsibleDepartment(), i.responsibleDepartmentZh(), i.defaultRectificationClass(),
                i.rectificationSuggestionZh(), i.computation(), i.dataElements(), i.standards(), i.gradeBands(),
                List.of(), retired, 1);
    }

    private static IndicatorResult result(String indicator, Verdict verdict, String value) {
        return new IndicatorResult(UUID.randomUUID(), 2025, CITY, indicator, 1,
                value == null ? null : new BigDecimal(value), "%", verdict, ">= 70", null, "x", List.of(),
                Instant.now(), AreaLevel.CITY, AreaLevel.CITY, null, null, null, null, null,
                verdict == Verdict.NO_DATA ? List.of("U24_COVERED_LAND") : List.of(), null, 1, null, null);
    }

    // --- which indicators

    @Test
    void aCityChecksTheNationalIndicatorsAndThoseOfItsProvinceAndItselfButNoSpecialCheckOrRetiredOnes() {
        assertThat(ReportIndicators.appliesToCity(NATIONAL.get("H02"), CITY, PROVINCE)).isTrue();
        assertThat(ReportIndicators.appliesToCity(owned("P1", IndicatorSystemKind.PROVINCIAL, PROVINCE, false), CITY,
                PROVINCE)).isTrue();
        assertThat(ReportIndicators.appliesToCity(owned("P2", IndicatorSystemKind.PROVINCIAL, "360000", false), CITY,
                PROVINCE)).isFalse();
        assertThat(ReportIndicators.appliesToCity(owned("C1", IndicatorSystemKind.CITY_SPECIFIC, CITY, false), CITY,
                PROVINCE)).isTrue();
        assertThat(ReportIndicators.appliesToCity(owned("C2", IndicatorSystemKind.CITY_SPECIFIC, "359200", false),
                CITY, PROVINCE)).isFalse();
        assertThat(ReportIndicators.appliesToCity(owned("S1", IndicatorSystemKind.SPECIAL_CHECK, CITY, false), CITY,
                PROVINCE)).isFalse();
        assertThat(ReportIndicators.appliesToCity(owned("C3", IndicatorSystemKind.CITY_SPECIFIC, CITY, true), CITY,
                PROVINCE)).isFalse();
    }

    @Test
    void citiesAreComparedOnlyByIndicatorsEveryCityOfTheProvinceHas() {
        assertThat(ReportIndicators.appliesToProvince(NATIONAL.get("U01"), PROVINCE)).isTrue();
        assertThat(ReportIndicators.appliesToProvince(owned("P1", IndicatorSystemKind.PROVINCIAL, PROVINCE, false),
                PROVINCE)).isTrue();
        assertThat(ReportIndicators.appliesToProvince(owned("C1", IndicatorSystemKind.CITY_SPECIFIC, CITY, false),
                PROVINCE)).isFalse();
    }

    @Test
    void reportsListByDimensionThenCategoryWithCoreIndicatorsFirst() {
        List<String> order = ReportIndicators.inReportOrder(NATIONAL.values()).stream().map(IndicatorDefined::code)
                .toList();
        // 安全耐久 H01–H04 (core), then 功能完备: H08 is core, H05–H07 are not, then 绿色智能
        assertThat(order.subList(0, 10)).containsExactly("H01", "H02", "H03", "H04", "H08", "H05", "H06", "H07",
                "H09", "H10");
        assertThat(order.get(10)).isEqualTo("C01");
        assertThat(order.indexOf("B01")).isGreaterThan(order.indexOf("C12"));
        assertThat(order.indexOf("U01")).isGreaterThan(order.indexOf("B08"));
    }

    // --- scorecard

    @Test
    void aScorecardCountsEveryVerdictAndListsIndicatorsWithoutResultAsNoInput() {
        Map<String, IndicatorResult> results = Map.of(
                "U01", result("U01", Verdict.FAIL, "64"),
                "U14", result("U14", Verdict.PASS, "25"),
                "U10", result("U10", Verdict.NOT_GRADED, "5"),
                "U24", result("U24", Verdict.NO_DATA, null));

        Scorecard card = Scorecard.of(CITY_AREA, 2025, NATIONAL.values(), results);

        assertThat(card.counts()).isEqualTo(new VerdictCounts(61, 1, 1, 1, 58));
        assertThat(card.dimensions()).extracting(Scorecard.DimensionSection::dimension)
                .containsExactly(Dimension.HOUSING, Dimension.COMMUNITY, Dimension.BLOCK, Dimension.CITY);
        assertThat(card.dimensions()).extracting(Scorecard.DimensionSection::dimensionZh)
                .containsExactly("住房", "小区(社区)", "街区", "城区(城市)");
        Scorecard.DimensionSection city = card.dimensions().get(3);
        assertThat(city.counts()).isEqualTo(new VerdictCounts(31, 1, 1, 1, 28));
        assertThat(city.categories().get(0).categoryZh()).isEqualTo("生态宜居");
        ResultRow h02 = card.dimensions().get(0).categories().get(0).indicators().get(1);
        assertThat(h02.code()).isEqualTo("H02");
        assertThat(h02.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(h02.missing()).containsExactly(ResultRow.NO_INPUT);
        assertThat(h02.standard()).isEqualTo("= 0");
        ResultRow u24 = city.categories().stream().flatMap(c -> c.indicators().stream())
                .filter(r -> r.code().equals("U24")).findFirst().orElseThrow();
        assertThat(u24.missing()).containsExactly("U24_COVERED_LAND");
    }

    @Test
    void aStandardForOneCityClassIsShownForACityWithoutResult() {
        Scorecard card = Scorecard.of(CITY_AREA, 2025, List.of(NATIONAL.get("U27")), Map.of());

        assertThat(card.dimensions().get(3).categories().get(0).indicators().get(0).standard()).isEqualTo(">= 15");
    }

    // --- ranking

    @Test
    void theBestValueComesFirstInTheIndicatorsDirection() {
        assertThat(Ranking.sign(Direction.HIGHER_BETTER)).isEqualTo(-1);
        assertThat(Ranking.sign(Direction.LOWER_BETTER)).isEqualTo(1);
    }

    @Test
    void rankedCitiesComeByRankTiesByCodeAndCitiesWithoutValueLast() {
        IndicatorDefined u01 = NATIONAL.get("U01");
        List<CityComparison.CityValue> values = List.of(
                value("359400", null, null, null),
                value("359300", "80", Verdict.PASS, 1),
                value("359100", "64", Verdict.FAIL, 3),
                value("359200", "80", Verdict.PASS, 1),
                value("359500", null, Verdict.NO_DATA, null));

        CityComparison comparison = CityComparison.of(PROVINCE_AREA, 2025, List.of(u01), values);

        CityComparison.IndicatorRanking ranking = comparison.indicators().get(0);
        assertThat(ranking.cities()).extracting(CityComparison.RankedCity::cityCode)
                .containsExactly("359200", "359300", "359100", "359400", "359500");
        assertThat(ranking.cities()).extracting(CityComparison.RankedCity::rank).containsExactly(1, 1, 3, null, null);
        assertThat(ranking.ranked()).isEqualTo(3);
        assertThat(comparison.cityCount()).isEqualTo(5);
        CityComparison.RankedCity withoutResult = ranking.cities().get(3);
        assertThat(withoutResult.verdict()).isEqualTo(Verdict.NO_DATA);
        assertThat(withoutResult.standard()).isEqualTo(">= 70");
        assertThat(ranking.directionZh()).isEqualTo("越高越好");
    }

    private static CityComparison.CityValue value(String city, String value, Verdict verdict, Integer rank) {
        return new CityComparison.CityValue("U01", city, city, "PREFECTURE_CITY", "MEDIUM",
                verdict == null ? null : UUID.randomUUID(), value == null ? null : new BigDecimal(value), verdict,
                verdict == null ? null : ">= 70", rank);
    }

    // --- requests

    @Test
    void yearsOutsideTheCheckYearsAndPagesOutsideTheLimitsAreRejected() {
        ReportRequests.checkYear(2024);
        assertThatThrownBy(() -> ReportRequests.checkYear(2019)).isInstanceOf(TijianException.class)
                .extracting(e -> ((TijianException) e).errorCode().code()).isEqualTo("EVAL_E2005");
        ReportRequests.checkPage(0, 1000);
        assertThatThrownBy(() -> ReportRequests.checkPage(0, 1001)).isInstanceOf(TijianException.class);
        assertThatThrownBy(() -> ReportRequests.checkPage(-1, 10)).isInstanceOf(TijianException.class);
        assertThatThrownBy(() -> ReportRequests.checkPage(0, 0)).isInstanceOf(TijianException.class);
        assertThatThrownBy(() -> ReportRequests.city(PROVINCE_AREA)).isInstanceOf(TijianException.class)
                .extracting(e -> ((TijianException) e).errorCode().code()).isEqualTo("EVAL_E2003");
    }
}
