package org.tijian.intake.observation;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ObservationStore {

    Mono<Observation> findById(UUID id);

    /** The version that counts now for one key, if any. */
    Mono<Observation> current(int checkYear, String kind, String areaCode, String subject, String qualifier);

    /** @param includeHistory also superseded and withdrawn versions */
    Flux<Observation> findByArea(String areaCode, int checkYear, boolean includeHistory, int limit);

    /** Every version of one key, newest first. */
    Flux<Observation> history(int checkYear, String kind, String areaCode, String subject, String qualifier);
}
