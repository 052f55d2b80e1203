package org.tijian.kit.operations;

import java.time.Instant;
import java.util.Map;

/**
 * A dead letter as operators see it.
 *
 * @param error the exception message the consumer failed with ({@code x-exception-message})
 * @param headers the record's own headers (CloudEvents, {@code traceparent}), without the dead-letter bookkeeping
 */
public record DeadLetterView(String topic, int partition, long offset, String originalTopic, String key,
        String eventType, String eventId, String error, Instant deadLetteredAt, Map<String, String> headers,
        String payload) {
}
