package org.tijian.evaluation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.result.IndicatorResult;

/** One area's results of a check year (any level), each with last year's value and the trend since. */
public record AreaResults(String areaCode, String nameZh, AreaLevel level, int checkYear, int previousYear,
        VerdictCounts counts, List<Row> results) {

    /** A scorecard line ({@link ResultRow}'s fields) with its dimension, category and last year's value. */
    public record Row(
            String code,
            String nameZh,
            Dimension dimension,
            String dimensionZh,
            String categoryZh,
            boolean core,
            String unit,
            UUID resultId,
            BigDecimal value,
            Verdict verdict,
            String standard,
            BigDecimal gap,
            String explanation,
            Long itemsFailing,
            Long itemsSurveyed,
            Long itemsTotal,
            List<String> missing,
            String grade,
            Integer version,
            Instant evaluatedAt,
            BigDecimal previousValue,
            Verdict previousVerdict,
            Trend trend,
            String trendZh,
            Boolean better) {
    }

    /**
     * @param indicators the catalog by code (retired indicators included: their results are still shown)
     * @param current the area's results of the year
     * @param previous the area's results of the year before, by indicator code
     */
    public static AreaResults of(ReportArea area, int checkYear, Map<String, IndicatorDefined> indicators,
            Collection<IndicatorResult> current, Map<String, IndicatorResult> previous) {
        Map<String, IndicatorResult> byCode = new HashMap<>();
        current.forEach(r -> byCode.put(r.indicatorCode(), r));
        // results are only written for catalog indicators, and codes are never removed from the catalog
        List<IndicatorDefined> listed = ReportIndicators.inReportOrder(byCode.keySet().stream()
                .map(indicators::get).filter(Objects::nonNull).toList());
        List<Row> rows = new ArrayList<>();
        for (IndicatorDefined indicator : listed) {
            ResultRow r = ResultRow.of(indicator, byCode.get(indicator.code()), checkYear, area.classification());
            IndicatorResult before = previous.get(indicator.code());
            BigDecimal previousValue = before == null ? null : before.value();
            Trend trend = Trend.between(previousValue, r.value());
            rows.add(new Row(r.code(), r.nameZh(), indicator.dimension(), indicator.dimension().nameZh(),
                    ReportIndicators.category(indicator), r.core(), r.unit(), r.resultId(), r.value(), r.verdict(),
                    r.standard(), r.gap(), r.explanation(), r.itemsFailing(), r.itemsSurveyed(), r.itemsTotal(),
                    r.missing(), r.grade(), r.version(), r.evaluatedAt(), previousValue,
                    before == null ? null : before.verdict(), trend, Trend.nameZh(trend),
                    Trend.better(trend, indicator.direction())));
        }
        return new AreaResults(area.code(), area.nameZh(), area.level(), checkYear, checkYear - 1,
                VerdictCounts.of(rows.stream().map(Row::verdict).toList()), List.copyOf(rows));
    }
}
