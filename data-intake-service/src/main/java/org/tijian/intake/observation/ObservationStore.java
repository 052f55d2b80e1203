package org.tijian.intake.observation;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ObservationStore {

    Mono<Void> insert(Observation observation);

    Mono<Observation> findById(UUID id);

    Mono<Observation> findByIdempotencyKey(String department, String idempotencyKey);

    Flux<Observation> findByArea(String areaCode, int checkYear, int limit);
}
