package org.tijian.evaluation.indicator;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.tijian.contracts.catalog.IndicatorDefined;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The persisted indicator catalog. Definitions are stored whole, one revision after another. */
public interface IndicatorStore {

    Mono<IndicatorDefined> find(String code);

    /** Every indicator, retired ones included, ordered by system and code. */
    Flux<IndicatorDefined> all();

    /** Where else the given data elements are declared, with their units. */
    Flux<DataElementUse> dataElementUses(Collection<String> dataElementCodes);

    /** @return false when the code is taken */
    Mono<Boolean> insert(IndicatorDefined indicator, String by, String change);

    /** Stores the next revision; @return false when the stored revision is no longer {@code indicator.revision() - 1} */
    Mono<Boolean> update(IndicatorDefined indicator, String by, String change);

    Flux<Revision> revisions(String code);

    Mono<IndicatorSystem> findSystem(String code);

    Flux<IndicatorSystem> systems();

    /** @return false when the code is taken */
    Mono<Boolean> insertSystem(IndicatorSystem system, String by);

    Mono<Void> updateMembers(String systemCode, List<String> memberCodes);

    Mono<Void> requestReevaluation(String indicatorCode, int checkYear, String by);

    record DataElementUse(String dataElement, String indicatorCode, String unit) {
    }

    record Revision(long revision, String changedBy, Instant changedAt, String change, IndicatorDefined definition) {
    }
}
