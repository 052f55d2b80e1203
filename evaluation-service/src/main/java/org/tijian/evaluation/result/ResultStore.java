package org.tijian.evaluation.result;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ResultStore {

    Mono<IndicatorResult> find(int checkYear, String areaCode, String indicatorCode);

    Mono<IndicatorResult> findById(UUID id);

    Flux<IndicatorResult> findByArea(int checkYear, String areaCode);

    /** Current results of one indicator and year, ordered by id, after {@code afterId} (null: from the start). */
    Flux<IndicatorResult> page(int checkYear, String indicatorCode, UUID afterId, int limit);
}
