package org.tijian.evaluation.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.EvaluationError;
import org.tijian.evaluation.area.AreaError;
import org.tijian.evaluation.indicator.IndicatorError;
import org.tijian.evaluation.result.IndicatorIndex;
import org.tijian.evaluation.result.IndicatorIndexService;
import org.tijian.evaluation.result.IndicatorResult;
import org.tijian.evaluation.result.ResultStore;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Mono;

/**
 * The read side of evaluation: scorecards, an area's results with their trend, a result's lineage, year-over-year
 * tables, cross-city rankings and completeness. Reads only; every answer is computed from the current results.
 */
@Service
public class ReportService {

    private final ReportStore store;
    private final ResultStore results;
    private final IndicatorIndexService catalog;

    public ReportService(ReportStore store, ResultStore results, IndicatorIndexService catalog) {
        this.store = store;
        this.results = results;
        this.catalog = catalog;
    }

    /** @throws TijianException 404 AREA_E3014 unknown city, 422 EVAL_E2003 not a city, 422 EVAL_E2005 bad year */
    public Mono<Scorecard> scorecard(String cityCode, int checkYear) {
        return Mono.defer(() -> {
            ReportRequests.checkYear(checkYear);
            return area(cityCode).map(ReportRequests::city).flatMap(city -> Mono.zip(catalog.current(),
                            results(checkYear, cityCode))
                    .map(both -> Scorecard.of(city, checkYear, applicable(both.getT1(), city), both.getT2())));
        });
    }

    /** @throws TijianException 404 AREA_E3014 unknown area, 422 EVAL_E2005 bad year */
    public Mono<AreaResults> areaResults(String areaCode, int checkYear) {
        return Mono.defer(() -> {
            ReportRequests.checkYear(checkYear);
            return area(areaCode).flatMap(area -> Mono.zip(catalog.current(),
                            results.findByArea(checkYear, areaCode).collectList(), results(checkYear - 1, areaCode))
                    .map(all -> AreaResults.of(area, checkYear, all.getT1().byCode(), all.getT2(), all.getT3())));
        });
    }

    /** The area's children with the verdict counts of their own results (the console's drill-down). */
    public Mono<List<ChildVerdicts>> childVerdicts(String areaCode, int checkYear) {
        return Mono.defer(() -> {
            ReportRequests.checkYear(checkYear);
            return area(areaCode).flatMap(area -> store.childVerdicts(areaCode, checkYear).collectList());
        });
    }

    /** @throws TijianException 404 EVAL_E2002 unknown result, 422 EVAL_E2006 bad paging */
    public Mono<Lineage> lineage(UUID resultId, int page, int size) {
        return Mono.defer(() -> {
            ReportRequests.checkPage(page, size);
            return results.findById(resultId)
                    .switchIfEmpty(Mono.error(() -> new TijianException(EvaluationError.RESULT_NOT_FOUND, resultId)))
                    .flatMap(result -> Mono.zip(catalog.current(),
                                    store.observations(result.observationIds()).collectList(),
                                    children(result, page, size), store.history(resultId).collectList())
                            .map(all -> {
                                IndicatorDefined indicator = all.getT1().find(result.indicatorCode());
                                return Lineage.of(result, indicator == null ? null : indicator.nameZh(), all.getT2(),
                                        all.getT3().orElse(null), all.getT4());
                            }));
        });
    }

    /** @throws TijianException 404 AREA_E3014 unknown area, 422 EVAL_E2005 bad year */
    public Mono<YearOverYear> yearOverYear(String areaCode, int checkYear) {
        return Mono.defer(() -> {
            ReportRequests.checkYear(checkYear);
            return area(areaCode).flatMap(area -> Mono.zip(catalog.current(), results(checkYear, areaCode),
                            results(checkYear - 1, areaCode))
                    .map(all -> YearOverYear.of(area, checkYear, all.getT1().byCode(), all.getT2(), all.getT3())));
        });
    }

    /**
     * @param indicatorCode one indicator only, or null for every indicator that applies to the whole province
     * @throws TijianException 404 AREA_E3014 / IND_E2101, 422 EVAL_E2004 not a province, 422 EVAL_E2005 bad year
     */
    public Mono<CityComparison> comparison(String provinceCode, int checkYear, String indicatorCode) {
        return Mono.defer(() -> {
            ReportRequests.checkYear(checkYear);
            return area(provinceCode).map(ReportRequests::province).flatMap(province -> catalog.current()
                    .flatMap(index -> {
                        List<IndicatorDefined> indicators;
                        if (indicatorCode != null && !indicatorCode.isBlank()) {
                            IndicatorDefined one = index.find(indicatorCode.strip());
                            if (one == null) {
                                throw new TijianException(IndicatorError.INDICATOR_NOT_FOUND, indicatorCode);
                            }
                            indicators = List.of(one);
                        } else {
                            indicators = ReportIndicators.inReportOrder(index.byCode().values().stream()
                                    .filter(i -> ReportIndicators.appliesToProvince(i, province.code())).toList());
                        }
                        return store.rankCities(province.code(), checkYear,
                                        indicators.stream().map(IndicatorDefined::code).toList(),
                                        indicators.stream().map(i -> Ranking.sign(i.direction())).toList())
                                .collectList()
                                .map(values -> CityComparison.of(province, checkYear, indicators, values));
                    }));
        });
    }

    /** @throws TijianException 404 AREA_E3014 unknown city, 422 EVAL_E2003 not a city, 422 EVAL_E2005 bad year */
    public Mono<Completeness> completeness(String cityCode, int checkYear) {
        return Mono.defer(() -> {
            ReportRequests.checkYear(checkYear);
            return area(cityCode).map(ReportRequests::city).flatMap(city -> Mono.zip(catalog.current(),
                    results(checkYear, cityCode)).flatMap(both -> {
                        List<IndicatorDefined> applicable = applicable(both.getT1(), city);
                        Map<String, IndicatorResult> cityResults = both.getT2();
                        List<String> codes = applicable.stream().map(IndicatorDefined::code).toList();
                        // an indicator with a result at the city has one in the city; only the others are searched
                        List<String> withoutCityResult = codes.stream().filter(c -> !cityResults.containsKey(c))
                                .toList();
                        return Mono.zip(store.noDataAreas(cityCode, checkYear, codes,
                                                ReportRequests.NO_DATA_AREAS_PER_INDICATOR).collectList(),
                                        store.indicatorsWithResults(cityCode, checkYear, withoutCityResult))
                                .map(found -> Completeness.of(city, checkYear, applicable, cityResults,
                                        found.getT1(), found.getT2()));
                    }));
        });
    }

    private Mono<ReportArea> area(String code) {
        return store.area(code).switchIfEmpty(Mono.error(() -> new TijianException(AreaError.AREA_NOT_FOUND, code)));
    }

    private Mono<Map<String, IndicatorResult>> results(int checkYear, String areaCode) {
        return results.findByArea(checkYear, areaCode).collectMap(IndicatorResult::indicatorCode);
    }

    private static List<IndicatorDefined> applicable(IndicatorIndex index, ReportArea city) {
        return index.byCode().values().stream()
                .filter(i -> ReportIndicators.appliesToCity(i, city.code(), city.provinceCode()))
                .toList();
    }

    private Mono<Optional<Lineage.ChildPage>> children(IndicatorResult result, int page, int size) {
        if (!Lineage.aggregate(result)) {
            return Mono.just(Optional.empty());
        }
        return Mono.zip(store.countContributingChildren(result.areaCode(), result.checkYear(), result.indicatorCode()),
                        store.contributingChildren(result.areaCode(), result.checkYear(), result.indicatorCode(),
                                (long) page * size, size).collectList())
                .map(both -> Optional.of(new Lineage.ChildPage(page, size, both.getT1(), both.getT2())));
    }
}
