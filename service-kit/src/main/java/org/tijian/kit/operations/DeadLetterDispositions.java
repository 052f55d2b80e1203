package org.tijian.kit.operations;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/** What operators did with dead letters: each record is replayed or discarded at most once, and the act is kept. */
public interface DeadLetterDispositions {

    enum Action { REPLAYED, DISCARDED }

    record Disposition(String topic, int partition, long offset, Action action, String reason, String operator,
            Instant at) {
    }

    /** @return false when the record was replayed or discarded before */
    Mono<Boolean> record(Disposition disposition);

    /** Undoes a claim whose replay could not be sent. */
    Mono<Void> forget(String topic, int partition, long offset);

    /** Positions ({@code partition:offset}) of the topic's records that were handled already. */
    Mono<Set<String>> handled(String topic);

    /** How many of the topic's records from the given start offset per partition on were handled. */
    Mono<Long> countFrom(String topic, Map<Integer, Long> startByPartition);
}
