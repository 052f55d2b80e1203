package org.tijian.kit.messaging;

import java.util.UUID;

/** An event as a consumer receives it: its CloudEvents identity, its trace and its payload. */
public record InboundEvent<T>(UUID id, String type, String subject, TraceParent trace, T payload) {

    /** The same event as seen inside the consumer's span. */
    public InboundEvent<T> withTrace(TraceParent consumerSpan) {
        return new InboundEvent<>(id, type, subject, consumerSpan, payload);
    }
}
