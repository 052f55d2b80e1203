package org.tijian.evaluation.report;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.Direction;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.indicator.StandardSelection;
import org.tijian.evaluation.result.IndicatorResult;

/**
 * The year-over-year table of an area (指标 · 上年值 · 本年值 · 评价标准 · 上升/持平/下降): every indicator with a
 * result in either year.
 */
public record YearOverYear(String areaCode, String nameZh, AreaLevel level, int checkYear, int previousYear,
        List<Row> rows) {

    /**
     * @param standard this year's standard: the result's, or the one that applies to the area's city when this year
     *     has no result
     * @param trend null when either value is missing
     * @param better whether the change is an improvement by the indicator's direction; null when flat or unknown
     */
    public record Row(
            String code,
            String nameZh,
            Dimension dimension,
            String dimensionZh,
            String unit,
            Direction direction,
            String directionZh,
            BigDecimal previousValue,
            BigDecimal value,
            Verdict previousVerdict,
            Verdict verdict,
            String standard,
            Trend trend,
            String trendZh,
            Boolean better) {
    }

    /** @param current and @param previous: the area's results of the two years, by indicator code */
    public static YearOverYear of(ReportArea area, int checkYear, Map<String, IndicatorDefined> indicators,
            Map<String, IndicatorResult> current, Map<String, IndicatorResult> previous) {
        Set<String> codes = new HashSet<>(current.keySet());
        codes.addAll(previous.keySet());
        List<IndicatorDefined> listed = ReportIndicators.inReportOrder(
                codes.stream().map(indicators::get).filter(Objects::nonNull).toList());
        List<Row> rows = listed.stream().map(indicator -> {
            IndicatorResult now = current.get(indicator.code());
            IndicatorResult before = previous.get(indicator.code());
            BigDecimal value = now == null ? null : now.value();
            BigDecimal previousValue = before == null ? null : before.value();
            Trend trend = Trend.between(previousValue, value);
            String standard = now != null ? now.standard()
                    : StandardSelection.select(indicator, checkYear, area.classification()).describe();
            return new Row(indicator.code(), indicator.nameZh(), indicator.dimension(), indicator.dimension().nameZh(),
                    indicator.unit(), indicator.direction(),
                    indicator.direction() == null ? null : indicator.direction().nameZh(), previousValue, value,
                    before == null ? null : before.verdict(), now == null ? null : now.verdict(), standard, trend,
                    Trend.nameZh(trend), Trend.better(trend, indicator.direction()));
        }).toList();
        return new YearOverYear(area.code(), area.nameZh(), area.level(), checkYear, checkYear - 1, rows);
    }
}
