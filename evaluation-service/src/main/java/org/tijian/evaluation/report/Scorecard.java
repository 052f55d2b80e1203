package org.tijian.evaluation.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.result.IndicatorResult;

/**
 * A city's scorecard for one check year: every indicator of its check with the city's own result, by dimension
 * (住房, 小区(社区), 街区, 城区(城市)) and category, with counts of PASS / FAIL / NOT_GRADED / NO_DATA per dimension and
 * overall.
 */
public record Scorecard(String cityCode, String cityNameZh, int checkYear, VerdictCounts counts,
        List<DimensionSection> dimensions) {

    public record DimensionSection(Dimension dimension, String dimensionZh, VerdictCounts counts,
            List<CategorySection> categories) {
    }

    public record CategorySection(String categoryZh, List<ResultRow> indicators) {
    }

    /**
     * @param applicable the indicators of the city's check
     * @param cityResults the city's results of the year (at the city itself), by indicator code
     */
    public static Scorecard of(ReportArea city, int checkYear, Collection<IndicatorDefined> applicable,
            Map<String, IndicatorResult> cityResults) {
        Map<Dimension, Map<String, List<ResultRow>>> grouped = new LinkedHashMap<>();
        for (Dimension dimension : Dimension.values()) {
            grouped.put(dimension, new LinkedHashMap<>());
        }
        for (IndicatorDefined indicator : ReportIndicators.inReportOrder(applicable)) {
            grouped.get(indicator.dimension())
                    .computeIfAbsent(ReportIndicators.category(indicator), c -> new ArrayList<>())
                    .add(ResultRow.of(indicator, cityResults.get(indicator.code()), checkYear, city.classification()));
        }
        List<DimensionSection> sections = new ArrayList<>();
        List<ResultRow> all = new ArrayList<>();
        grouped.forEach((dimension, categories) -> {
            List<ResultRow> rows = categories.values().stream().flatMap(List::stream).toList();
            all.addAll(rows);
            sections.add(new DimensionSection(dimension, dimension.nameZh(), counts(rows),
                    categories.entrySet().stream().map(e -> new CategorySection(e.getKey(), List.copyOf(e.getValue())))
                            .toList()));
        });
        return new Scorecard(city.code(), city.nameZh(), checkYear, counts(all), List.copyOf(sections));
    }

    private static VerdictCounts counts(List<ResultRow> rows) {
        return VerdictCounts.of(rows.stream().map(ResultRow::verdict).toList());
    }
}
