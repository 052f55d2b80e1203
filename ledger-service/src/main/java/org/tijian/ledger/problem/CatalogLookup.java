package org.tijian.ledger.problem;

import java.util.List;
import reactor.core.publisher.Mono;

/** What the ledger's own copy of the catalog (service-kit's catalog copy) tells about an area and an indicator. */
public interface CatalogLookup {

    /** The area and its ancestors, top-down; empty when the copy does not know the area (yet). */
    Mono<List<AreaPath.Node>> chain(String areaCode);

    /** The indicator's category and rectification suggestion; empty facts when the copy does not know it. */
    Mono<IndicatorFacts> indicator(String indicatorCode);

    record IndicatorFacts(String categoryZh, String suggestionZh) {
    }
}
