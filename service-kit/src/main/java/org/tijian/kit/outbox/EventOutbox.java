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
}
