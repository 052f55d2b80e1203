package org.tijian.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.postgresql.codec.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.kit.messaging.CloudEventHeaders;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes committed outbox rows to Kafka, in id order, in batches.
 *
 * <p>One batch is one database transaction that holds an advisory lock, so only one relay per
 * database publishes at a time (replicas stand by) and an area's events keep their order. The
 * batch is sent, every send is awaited, and only the unbroken run of acknowledged rows is marked
 * published; the rest is sent again next round. A crash between the send and the commit therefore
 * publishes a row twice, never zero times: consumers are idempotent by {@code ce_id}.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant shared by all relays on one database: "tijian.outbox". */
    private static final long ADVISORY_LOCK_KEY = 0x7469_6a69_616e_6f62L;
    private static final Duration METRICS_REFRESH = Duration.ofSeconds(5);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final KafkaTemplate<String, byte[]> kafka;
    private final OutboxProperties properties;
    private final Counter published;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile ScheduledExecutorService executor;
    private volatile Instant metricsRefreshedAt = Instant.EPOCH;
    private volatile Instant purgedAt = Instant.EPOCH;

    public OutboxRelay(DatabaseClient db, TransactionalOperator transaction, KafkaTemplate<String, byte[]> kafka,
            OutboxProperties properties, MeterRegistry meters) {
        this.db = db;
        this.transaction = transaction;
        this.kafka = kafka;
        this.properties = properties;
        this.published = meters.counter("tijian.outbox.published");
        meters.gauge("tijian.outbox.backlog", backlog);
        meters.gauge("tijian.outbox.oldest.age.seconds", oldestAgeSeconds);
    }

    /**
     * Publishes until nothing is pending or a batch fails.
     *
     * @return the number of rows published
     */
    public int publishPending() {
        int total = 0;
        while (true) {
            int sent = publishBatch();
            total += sent;
            if (sent < properties.batchSize()) {
                return total;
            }
        }
    }

    /** @return rows published by this batch; 0 when nothing was pending or another relay holds the lock */
    public int publishBatch() {
        Mono<Integer> batch = db.sql("select pg_try_advisory_xact_lock(:key) as locked")
                .bind("key", ADVISORY_LOCK_KEY)
                .map(row -> Boolean.TRUE.equals(row.get("locked", Boolean.class)))
                .one()
                .flatMap(locked -> locked ? pending().collectList() : Mono.just(List.<PendingRow>of()))
                .publishOn(Schedulers.boundedElastic())
                .map(this::sendAndAwait)
                .flatMap(this::markPublished);
        Integer sent = transaction.transactional(batch).block(properties.sendTimeout().multipliedBy(2));
        int count = sent == null ? 0 : sent;
        published.increment(count);
        return count;
    }

    private reactor.core.publisher.Flux<PendingRow> pending() {
        return db.sql("""
                        select id, event_id, topic, message_key, event_type, source, subject, traceparent, occurred_at, payload
                        from outbox_event
                        where published_at is null
                        order by id
                        limit :limit""")
                .bind("limit", properties.batchSize())
                .map(row -> new PendingRow(
                        row.get("id", Long.class),
                        row.get("event_id", UUID.class),
                        row.get("topic", String.class),
                        row.get("message_key", String.class),
                        row.get("event_type", String.class),
                        row.get("source", String.class),
                        row.get("subject", String.class),
                        row.get("traceparent", String.class),
                        row.get("occurred_at", OffsetDateTime.class).toInstant(),
                        row.get("payload", Json.class).asArray()))
                .all();
    }

    /** Sends the batch in order and returns the ids of the unbroken run of acknowledged rows. */
    private List<Long> sendAndAwait(List<PendingRow> rows) {
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            try {
                sends.add(kafka.send(toRecord(row)));
            } catch (RuntimeException e) {
                sends.add(CompletableFuture.failedFuture(e));
                break;
            }
        }
        List<Long> acknowledged = new ArrayList<>(rows.size());
        for (int i = 0; i < sends.size(); i++) {
            try {
                sends.get(i).get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(rows.get(i).id());
            } catch (Exception e) {
                log.warn("outbox relay: sending event {} to {} failed; {} of {} rows published, the rest is retried: {}",
                        rows.get(i).eventId(), rows.get(i).topic(), acknowledged.size(), rows.size(), e.toString());
                break;
            }
        }
        return acknowledged;
    }

    private Mono<Integer> markPublished(List<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(0);
        }
        return db.sql("update outbox_event set published_at = now() where id = any(:ids)")
                .bind("ids", ids.toArray(Long[]::new))
                .fetch()
                .rowsUpdated()
                .thenReturn(ids.size());
    }

    private ProducerRecord<String, byte[]> toRecord(PendingRow row) {
        var headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, bytes(row.eventId().toString()));
        headers.add(CloudEventHeaders.TYPE, bytes(row.eventType()));
        headers.add(CloudEventHeaders.SOURCE, bytes(row.source()));
        headers.add(CloudEventHeaders.TIME, bytes(row.occurredAt().toString()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(row.subject()));
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
        headers.add(CloudEventHeaders.TRACEPARENT, bytes(row.traceparent()));
        return new ProducerRecord<>(row.topic(), null, row.messageKey(), row.payload(), headers);
    }

    private static byte[] bytes(String value) {
        return value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8);
    }

    private void refreshMetricsAndPurge() {
        Instant now = Instant.now();
        if (now.isBefore(metricsRefreshedAt.plus(METRICS_REFRESH))) {
            return;
        }
        metricsRefreshedAt = now;
        db.sql("""
                        select count(*) as backlog,
                               coalesce(extract(epoch from now() - min(created_at)), 0)::bigint as oldest
                        from outbox_event where published_at is null""")
                .map(row -> {
                    backlog.set(row.get("backlog", Long.class));
                    oldestAgeSeconds.set(row.get("oldest", Long.class));
                    return true;
                })
                .one()
                .block(properties.sendTimeout());
        if (now.isAfter(purgedAt.plus(Duration.ofHours(1)))) {
            purgedAt = now;
            db.sql("delete from outbox_event where published_at < now() - make_interval(days => :days)")
                    .bind("days", (int) properties.retention().toDays())
                    .fetch().rowsUpdated()
                    .block(properties.sendTimeout());
        }
    }

    private void tick() {
        try {
            publishPending();
            refreshMetricsAndPurge();
        } catch (RuntimeException e) {
            log.warn("outbox relay round failed, retrying in {}: {}", properties.pollInterval(), e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(properties.sendTimeout().toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Start after everything else, stop before the Kafka producer and the connection pool. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private record PendingRow(long id, UUID eventId, String topic, String messageKey, String eventType, String source,
            String subject, String traceparent, Instant occurredAt, byte[] payload) {
    }
}
