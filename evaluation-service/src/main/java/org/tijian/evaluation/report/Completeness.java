package org.tijian.evaluation.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.result.IndicatorResult;

/**
 * Which indicators of a city's check lack data, and where: per indicator whether the city's own result has data, the
 * areas of the city whose result is {@code NO_DATA} with what they miss (at most 200 named, all counted), and the
 * indicators without any result anywhere in the city.
 *
 * @param withData indicators whose city result has data (PASS, FAIL or NOT_GRADED)
 * @param withoutData the others: the city's result is NO_DATA, or there is none
 */
public record Completeness(String cityCode, String cityNameZh, int checkYear, int applicable, int withData,
        int withoutData, List<IndicatorRef> withoutAnyResult, List<Entry> indicators) {

    /**
     * @param cityHasData whether the city's own result has a verdict other than NO_DATA
     * @param cityVerdict the city's verdict; NO_DATA when it has no result
     * @param cityMissing what the city's result misses; {@code ["NO_INPUT"]} when it has none
     * @param anyResult whether any area of the city has a result for the indicator
     * @param noDataAreaCount how many areas of the city (the city included) have a NO_DATA result
     * @param noDataAreas the first of them, shallowest first, then by code
     */
    public record Entry(String code, String nameZh, Dimension dimension, String dimensionZh,
            AreaLevel evaluationLevel, boolean cityHasData, Verdict cityVerdict, List<String> cityMissing,
            boolean anyResult, long noDataAreaCount, List<NoDataArea> noDataAreas) {
    }

    public record NoDataArea(String areaCode, String nameZh, AreaLevel level, UUID resultId, List<String> missing) {
    }

    public record IndicatorRef(String code, String nameZh) {
    }

    /** One area's NO_DATA result as the database lists it, with the indicator's count of such areas. */
    public record NoDataRow(String indicatorCode, NoDataArea area, long total) {
    }

    /**
     * @param cityResults the city's own results of the year, by indicator code
     * @param noData the NO_DATA results in the city, at most 200 per indicator
     * @param withResults the indicators that have a result somewhere in the city
     */
    public static Completeness of(ReportArea city, int checkYear, Collection<IndicatorDefined> applicable,
            Map<String, IndicatorResult> cityResults, List<NoDataRow> noData, Set<String> withResults) {
        Map<String, List<NoDataArea>> areas = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        for (NoDataRow row : noData) {
            areas.computeIfAbsent(row.indicatorCode(), c -> new ArrayList<>()).add(row.area());
            totals.put(row.indicatorCode(), row.total());
        }
        List<Entry> entries = new ArrayList<>();
        List<IndicatorRef> withoutAny = new ArrayList<>();
        int withData = 0;
        for (IndicatorDefined indicator : ReportIndicators.inReportOrder(applicable)) {
            IndicatorResult own = cityResults.get(indicator.code());
            boolean hasData = own != null && own.verdict() != Verdict.NO_DATA;
            boolean anyResult = own != null || withResults.contains(indicator.code());
            if (hasData) {
                withData++;
            }
            if (!anyResult) {
                withoutAny.add(new IndicatorRef(indicator.code(), indicator.nameZh()));
            }
            entries.add(new Entry(indicator.code(), indicator.nameZh(), indicator.dimension(),
                    indicator.dimension().nameZh(), indicator.evaluationLevel(), hasData,
                    own == null ? Verdict.NO_DATA : own.verdict(),
                    own == null ? List.of(ResultRow.NO_INPUT) : own.missing(), anyResult,
                    totals.getOrDefault(indicator.code(), 0L),
                    List.copyOf(areas.getOrDefault(indicator.code(), List.of()))));
        }
        return new Completeness(city.code(), city.nameZh(), checkYear, entries.size(), withData,
                entries.size() - withData, List.copyOf(withoutAny), List.copyOf(entries));
    }
}
