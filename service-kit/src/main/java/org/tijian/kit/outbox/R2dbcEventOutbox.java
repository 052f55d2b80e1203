package org.tijian.kit.outbox;

import io.r2dbc.postgresql.codec.Json;
import java.time.Instant;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.tijian.contracts.EventType;
import org.tijian.kit.messaging.TraceParent;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

public class R2dbcEventOutbox implements EventOutbox {

    private final DatabaseClient db;
    private final JsonMapper json;
    private final String source;

    public R2dbcEventOutbox(DatabaseClient db, JsonMapper json, String source) {
        this.db = db;
        this.json = json;
        this.source = source;
    }

    @Override
    public Mono<Void> append(Record event, String key, String subject, TraceParent trace) {
        EventType type = EventType.of(event.getClass());
        return Mono.fromCallable(() -> json.writeValueAsBytes(event))
                .flatMap(payload -> db.sql("""
                                insert into outbox_event
                                  (event_id, topic, message_key, event_type, source, subject, traceparent, occurred_at, payload)
                                values (:eventId, :topic, :key, :type, :source, :subject, :traceparent, :occurredAt, :payload)""")
                        .bind("eventId", UUID.randomUUID())
                        .bind("topic", type.topic())
                        .bind("key", key)
                        .bind("type", type.cloudEventType())
                        .bind("source", source)
                        .bind("subject", subject == null ? key : subject)
                        .bind("traceparent", trace.header())
                        .bind("occurredAt", Instant.now())
                        .bind("payload", Json.of(payload))
                        .then());
    }

    @Override
    public Mono<Void> appendExpansion(EventType type, String expansion, String key, byte[] parameters,
            TraceParent trace) {
        return db.sql("""
                        insert into outbox_event
                          (event_id, topic, message_key, event_type, source, subject, traceparent, occurred_at, payload,
                           expansion)
                        values (:eventId, :topic, :key, :type, :source, :key, :traceparent, :occurredAt, :payload, :expansion)""")
                .bind("eventId", UUID.randomUUID())
                .bind("topic", type.topic())
                .bind("key", key)
                .bind("type", type.cloudEventType())
                .bind("source", source)
                .bind("traceparent", trace.header())
                .bind("occurredAt", Instant.now())
                .bind("payload", Json.of(parameters))
                .bind("expansion", expansion)
                .then();
    }
}
