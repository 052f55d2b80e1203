package org.tijian.ledger.problem;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ProblemStore {

    /** @return false when the ledger already holds a problem for this indicator, area and year */
    Mono<Boolean> insertIfAbsent(Problem problem);

    Mono<Problem> findById(UUID id);

    /** Problems of an area and everything below it (area codes extend their parent's code). */
    Flux<Problem> findInSubtree(String areaCode, int checkYear, int limit);
}
