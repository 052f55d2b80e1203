package org.tijian.evaluation.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.Direction;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.indicator.CityClassification;
import org.tijian.evaluation.indicator.StandardSelection;

/** The cities of a province compared by their city-level results, indicator by indicator (see {@link Ranking}). */
public record CityComparison(String provinceCode, String provinceNameZh, int checkYear, int cityCount,
        List<IndicatorRanking> indicators) {

    /** @param ranked how many cities have a value, and so a rank */
    public record IndicatorRanking(String code, String nameZh, String unit, Direction direction, String directionZh,
            boolean core, int ranked, List<RankedCity> cities) {
    }

    /**
     * @param rank null when the city has no value
     * @param verdict NO_DATA when the city has no result
     * @param standard the result's standard, or the one that applies to the city when it has no result
     */
    public record RankedCity(Integer rank, String cityCode, String cityNameZh, UUID resultId, BigDecimal value,
            Verdict verdict, String standard) {
    }

    /** One city's result for one indicator as the database ranked it (rank null without a value). */
    public record CityValue(String indicatorCode, String cityCode, String cityNameZh, String cityClass,
            String sizeClass, UUID resultId, BigDecimal value, Verdict verdict, String standard, Integer rank) {
    }

    /** @param indicators in the order they are listed; @param values every city's value of each of them, ranked */
    public static CityComparison of(ReportArea province, int checkYear, List<IndicatorDefined> indicators,
            List<CityValue> values) {
        Map<String, List<RankedCity>> byIndicator = new LinkedHashMap<>();
        indicators.forEach(i -> byIndicator.put(i.code(), new ArrayList<>()));
        Map<String, IndicatorDefined> byCode = new LinkedHashMap<>();
        indicators.forEach(i -> byCode.put(i.code(), i));
        Set<String> cities = new HashSet<>();
        for (CityValue v : values) {
            IndicatorDefined indicator = byCode.get(v.indicatorCode());
            if (indicator == null) {
                continue;
            }
            cities.add(v.cityCode());
            String standard = v.standard() != null ? v.standard() : StandardSelection.select(indicator, checkYear,
                    new CityClassification(v.cityClass(), v.sizeClass())).describe();
            byIndicator.get(v.indicatorCode()).add(new RankedCity(v.rank(), v.cityCode(), v.cityNameZh(), v.resultId(),
                    v.value(), v.verdict() == null ? Verdict.NO_DATA : v.verdict(), standard));
        }
        List<IndicatorRanking> rankings = indicators.stream().map(i -> {
            List<RankedCity> ranked = byIndicator.get(i.code()).stream().sorted(Ranking.ORDER).toList();
            return new IndicatorRanking(i.code(), i.nameZh(), i.unit(), i.direction(),
                    i.direction() == null ? null : i.direction().nameZh(), i.core(),
                    (int) ranked.stream().filter(c -> c.rank() != null).count(), ranked);
        }).toList();
        return new CityComparison(province.code(), province.nameZh(), checkYear, cities.size(), rankings);
    }
}
