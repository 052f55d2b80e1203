package org.tijian.evaluation.report;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What the reports read beyond the results themselves (those come from {@code ResultStore}). */
public interface ReportStore {

    Mono<ReportArea> area(String code);

    /**
     * Every city of the province (level CITY, the province on its path) with its city-level result of each indicator,
     * ranked per indicator by {@code value * sign} ascending, ties sharing a rank; cities without a value have none.
     *
     * @param signs per indicator, in the same order: {@link Ranking#sign}
     */
    Flux<CityComparison.CityValue> rankCities(String provinceCode, int checkYear, List<String> indicatorCodes,
            List<Integer> signs);

    /** The stored versions of values and findings with these ids, whether withdrawn since. */
    Flux<Lineage.Observation> observations(Collection<UUID> ids);

    /** The area's children, by code, each with the counts of its own results' verdicts in the year. */
    Flux<ChildVerdicts> childVerdicts(String areaCode, int checkYear);

    /** How many children of the area have a result of the indicator with failing items or a value. */
    Mono<Long> countContributingChildren(String areaCode, int checkYear, String indicatorCode);

    /** Those children, by area code. */
    Flux<Lineage.ChildResult> contributingChildren(String areaCode, int checkYear, String indicatorCode, long offset,
            int limit);

    /** Every published version of a result, oldest first. */
    Flux<Lineage.ResultVersion> history(UUID resultId);

    /** The NO_DATA results of the indicators in the city's subtree: at most {@code limitPerIndicator} each. */
    Flux<Completeness.NoDataRow> noDataAreas(String cityCode, int checkYear, Collection<String> indicatorCodes,
            int limitPerIndicator);

    /** Which of the indicators have a result somewhere in the city's subtree. */
    Mono<Set<String>> indicatorsWithResults(String cityCode, int checkYear, Collection<String> indicatorCodes);
}
