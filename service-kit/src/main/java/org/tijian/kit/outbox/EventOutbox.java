package org.tijian.kit.outbox;

import org.tijian.kit.messaging.TraceParent;
import reactor.core.publisher.Mono;

/**
 * Where a service records the events it publishes. Call it inside the transaction that changes
 * the business rows: both commit or neither does, and the relay publishes what committed.
 */
public interface EventOutbox {

    /**
     * @param event a record listed in {@link org.tijian.contracts.EventType}
     * @param key the Kafka key: the area code (or problem/project id) whose events must stay in order
     * @param subject the CloudEvents subject, what the event is about (e.g. the problem id)
     * @param trace the trace this event belongs to
     */
    Mono<Void> append(Record event, String key, String subject, TraceParent trace);

    /**
     * One outbox row standing for many events of one type, which the named {@link OutboxExpansion}
     * reads when the relay gets there (see there).
     *
     * @param parameters JSON telling the expansion what to read, e.g. {@code {"batchId": "…"}}
     * @param key what the row is about, for operators (each expanded event has its own Kafka key)
     */
    Mono<Void> appendExpansion(org.tijian.contracts.EventType type, String expansion, String key, byte[] parameters,
            TraceParent trace);
}
