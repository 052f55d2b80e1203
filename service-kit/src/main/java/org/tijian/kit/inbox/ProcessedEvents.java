package org.tijian.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.EventType;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.DeadLetters;
import org.tijian.kit.messaging.EventReader;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.operations.ConsumerBinding;
import org.tijian.kit.tracing.Traces;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption. The event id is recorded in {@code processed_event} in the same
 * transaction as the consumer's effect, so a redelivered event changes nothing and an effect that
 * fails leaves no record (the event is retried, then dead-lettered).
 *
 * <p>Handlers run per message on the binder thread and wait for R2DBC: Spring Cloud Stream's
 * retry and DLQ apply only to such imperative functions.
 */
public class ProcessedEvents {

    private static final Logger log = LoggerFactory.getLogger(ProcessedEvents.class);
    private static final Duration HANDLER_TIMEOUT = Duration.ofSeconds(60);

    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final EventReader reader;
    private final MeterRegistry meters;
    private final Traces traces;
    private final DeadLetters deadLetters;

    public ProcessedEvents(DatabaseClient db, TransactionalOperator transaction, EventReader reader, MeterRegistry meters,
            Traces traces, DeadLetters deadLetters) {
        this.db = db;
        this.transaction = transaction;
        this.reader = reader;
        this.meters = meters;
        this.traces = traces;
        this.deadLetters = deadLetters;
    }

    /**
     * A Spring Cloud Stream consumer that reads {@code payloadType}, skips events the named
     * consumer already processed, and runs {@code effect} exactly once per event id.
     */
    public <T> Consumer<Message<byte[]>> consumer(String consumerName, Class<T> payloadType,
            Function<InboundEvent<T>, Mono<?>> effect) {
        String wanted = EventType.of(payloadType).cloudEventType();
        return message -> {
            String type = CloudEventHeaders.text(message.getHeaders(), CloudEventHeaders.TYPE);
            if (type != null && !type.equals(wanted)) {
                // A topic carries several event types (e.g. values and findings per area); this consumer wants one.
                meters.counter("tijian.events.consumed", "consumer", consumerName, "type", type, "outcome", "other-type")
                        .increment();
                return;
            }
            process(consumerName, reader.read(message, payloadType), effect);
        };
    }

    /**
     * A batch consumer ({@code batch-mode}, {@code use-native-decoding}, {@code batchRetryErrorHandler}) of
     * {@code binding} that processes each poll's events in one transaction; see {@link PollConsumer}. Name each event
     * type's effect with {@link PollConsumer.Builder#on}.
     */
    public PollConsumer.Builder pollConsumer(String consumerName, ConsumerBinding binding) {
        return new PollConsumer.Builder(this, consumerName, binding);
    }

    PollConsumer pollConsumer(PollConsumer.Builder spec) {
        return new PollConsumer(this, db, transaction, reader, meters, traces, deadLetters, spec);
    }

    /**
     * Runs in a span continuing the event's trace: the effect sees that span as the event's trace, and passes it on to
     * the events it publishes.
     *
     * @return true if the effect ran, false if the event had been processed before
     */
    public <T> boolean process(String consumerName, InboundEvent<T> event, Function<InboundEvent<T>, Mono<?>> effect) {
        return traces.consuming(consumerName + " " + event.type(), event.trace(),
                trace -> processOnce(consumerName, event.withTrace(trace), effect));
    }

    private <T> boolean processOnce(String consumerName, InboundEvent<T> event, Function<InboundEvent<T>, Mono<?>> effect) {
        Mono<Boolean> work = db.sql("""
                        insert into processed_event (consumer, event_id, event_type)
                        values (:consumer, :eventId, :eventType)
                        on conflict do nothing""")
                .bind("consumer", consumerName)
                .bind("eventId", event.id())
                .bind("eventType", String.valueOf(event.type()))
                .fetch()
                .rowsUpdated()
                .flatMap(inserted -> inserted == 1
                        ? effect.apply(event).then(Mono.just(true))
                        : Mono.just(false));
        boolean processed = Boolean.TRUE.equals(transaction.transactional(work).block(HANDLER_TIMEOUT));
        meters.counter("tijian.events.consumed",
                "consumer", consumerName,
                "type", String.valueOf(event.type()),
                "outcome", processed ? "processed" : "duplicate").increment();
        if (!processed) {
            log.debug("{} skipped duplicate event {}", consumerName, event.id());
        }
        return processed;
    }
}
