package org.tijian.evaluation.result;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ResultStore {

    Mono<IndicatorResult> findById(UUID id);

    Flux<IndicatorResult> findByArea(int checkYear, String areaCode);
}
