package org.tijian.kit.messaging;

import java.util.Map;
import java.util.UUID;
import org.springframework.messaging.Message;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a raw Kafka message into an {@link InboundEvent}. Consumers bind {@code byte[]} and
 * deserialize here, so a bad payload is an ordinary handler failure that reaches the DLQ.
 */
public class EventReader {

    private final JsonMapper json;

    public EventReader(JsonMapper json) {
        this.json = json;
    }

    public <T> InboundEvent<T> read(Message<byte[]> message, Class<T> payloadType) {
        return read(message.getHeaders(), message.getPayload(), payloadType);
    }

    /** A record of a batch consumer's poll; a deletion (no value) is malformed. */
    public <T> InboundEvent<T> read(PolledRecord record, Class<T> payloadType) {
        if (record.value() == null) {
            throw new MalformedEventException("a record without a value at " + record.where(), null);
        }
        return read(record.headers(), record.value(), payloadType);
    }

    private <T> InboundEvent<T> read(Map<String, Object> headers, byte[] value, Class<T> payloadType) {
        String id = CloudEventHeaders.text(headers, CloudEventHeaders.ID);
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (RuntimeException e) {
            throw new MalformedEventException("message has no valid " + CloudEventHeaders.ID + " header: " + id
                    + " (headers: " + headers.keySet() + ")", e);
        }
        T payload;
        try {
            payload = json.readValue(value, payloadType);
        } catch (RuntimeException e) {
            throw new MalformedEventException("cannot read " + payloadType.getSimpleName() + " from event " + id, e);
        }
        return new InboundEvent<>(
                eventId,
                CloudEventHeaders.text(headers, CloudEventHeaders.TYPE),
                CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT),
                TraceParent.parseOrNew(CloudEventHeaders.text(headers, CloudEventHeaders.TRACEPARENT)),
                payload);
    }
}
