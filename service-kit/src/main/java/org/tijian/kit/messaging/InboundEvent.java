package org.tijian.kit.messaging;

import java.util.UUID;

/** An event as a consumer receives it: its CloudEvents identity, its trace and its payload. */
public record InboundEvent<T>(UUID id, String type, String subject, TraceParent trace, T payload) {
}
