package org.tijian.evaluation.indicator;

import org.springframework.stereotype.Service;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.evaluation.area.AreaStore;
import reactor.core.publisher.Mono;

/**
 * The standard of an indicator that applies to an area in a check year: the area's city (its class and
 * size) looked up in the tree, then {@link StandardSelection}. An area outside any city gets the
 * standard for every city, if there is one.
 */
@Service
public class ApplicableStandardService {

    private final AreaStore areas;

    public ApplicableStandardService(AreaStore areas) {
        this.areas = areas;
    }

    public Mono<EvaluationStandard> forArea(IndicatorDefined indicator, int checkYear, String areaCode) {
        return areas.city(areaCode)
                .map(city -> new CityClassification(city.cityClass(), city.sizeClass()))
                .defaultIfEmpty(CityClassification.UNKNOWN)
                .map(city -> StandardSelection.select(indicator, checkYear, city));
    }
}
