package org.tijian.kit.catalog;

import java.util.Collection;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.contracts.catalog.IndicatorDefined;
import reactor.core.publisher.Mono;

/**
 * A service's own copy of the area tree and the indicator system, kept from the compacted topics
 * {@code catalog.areas.v1} and {@code catalog.indicators.v1} (the evaluation service owns both). Applying the same
 * definitions again changes nothing.
 */
public interface CatalogCopy {

    /** Upserts the latest definitions (at most one per code) and removes the areas whose records were deleted. */
    Mono<Changes> applyAreas(Collection<AreaDefined> latest, Collection<String> removedCodes);

    /**
     * Upserts the latest definitions (at most one per code) where the copy holds no definition of a higher revision,
     * and removes the indicators whose records were deleted.
     */
    Mono<Changes> applyIndicators(Collection<IndicatorDefined> latest, Collection<String> removedCodes);

    Mono<AreaDefined> area(String code);

    Mono<IndicatorDefined> indicator(String code);

    Mono<CatalogCopyStatus> status();

    /** @param written rows inserted or changed; an identical or older definition writes nothing */
    record Changes(long written, long removed) {
    }
}
