package org.tijian.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.messaging.Message;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.EventType;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.DeadLetter;
import org.tijian.kit.messaging.DeadLetters;
import org.tijian.kit.messaging.EventReader;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.messaging.PolledRecord;
import org.tijian.kit.operations.ConsumerBinding;
import org.tijian.kit.tracing.Traces;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Idempotent consumption of a whole poll in one transaction: for a busy topic (a province's evaluation results, the
 * problems they open) one commit a poll instead of one an event. The events' ids are recorded in
 * {@code processed_event} with their effects, so a redelivered poll changes nothing, as with
 * {@link ProcessedEvents#consumer}. Events take effect in the order of the poll; types without an effect are skipped.
 *
 * <p>A record that cannot be read goes to the group's dead-letter topic and the rest of the poll is processed. When
 * the poll's transaction fails, its events are processed again one by one, each in its own transaction with up to
 * three attempts, and an event whose effect still fails is dead-lettered with the reason; a database that cannot be
 * reached fails the poll instead, which the binding's error handler ({@code batchRetryErrorHandler}, {@code BatchRetry})
 * retries without limit. The binding's dead-letter topic is the kit's ({@link ConsumerBinding#deadLetterTopic()}).
 */
public final class PollConsumer implements Consumer<Message<List<byte[]>>> {

    private static final Logger log = LoggerFactory.getLogger(PollConsumer.class);
    private static final Duration POLL_TIMEOUT = Duration.ofSeconds(120);
    private static final int ATTEMPTS = 3;

    private final ProcessedEvents single;
    private final DatabaseClient db;
    private final TransactionalOperator transaction;
    private final EventReader reader;
    private final MeterRegistry meters;
    private final Traces traces;
    private final DeadLetters deadLetters;
    private final Builder spec;

    /** The effect of one event type. */
    private record Effect<T>(Class<T> payloadType, Function<InboundEvent<T>, Mono<?>> effect) {

        Function<InboundEvent<T>, Mono<?>> traced(Traces traces, String consumerName) {
            return event -> traces.consumingLater(consumerName + " " + event.type(), event.trace(),
                    trace -> effect.apply(event.withTrace(trace)).then());
        }
    }

    /** The binding (its topic and dead-letter topic) and the effect of each event type. */
    public static final class Builder {

        private final ProcessedEvents processedEvents;
        private final String consumerName;
        private final ConsumerBinding binding;
        private final Map<String, Effect<?>> effects = new LinkedHashMap<>();
        private Function<PolledRecord, String> typeWhenMissing = record -> null;

        Builder(ProcessedEvents processedEvents, String consumerName, ConsumerBinding binding) {
            this.processedEvents = processedEvents;
            this.consumerName = consumerName;
            this.binding = binding;
        }

        public <T> Builder on(Class<T> payloadType, Function<InboundEvent<T>, Mono<?>> effect) {
            effects.put(EventType.of(payloadType).cloudEventType(), new Effect<>(payloadType, effect));
            return this;
        }

        /** The CloudEvents type of a record that has no {@code ce_type} header (events of older producers). */
        public Builder typeWhenMissing(Function<PolledRecord, String> typeOf) {
            this.typeWhenMissing = typeOf;
            return this;
        }

        public PollConsumer build() {
            return processedEvents.pollConsumer(this);
        }
    }

    PollConsumer(ProcessedEvents single, DatabaseClient db, TransactionalOperator transaction, EventReader reader,
            MeterRegistry meters, Traces traces, DeadLetters deadLetters, Builder spec) {
        this.single = single;
        this.db = db;
        this.transaction = transaction;
        this.reader = reader;
        this.meters = meters;
        this.traces = traces;
        this.deadLetters = deadLetters;
        this.spec = spec;
    }

    @Override
    public void accept(Message<List<byte[]>> poll) {
        Map<UUID, Read<?>> events = new LinkedHashMap<>();
        List<DeadLetter> rejected = new ArrayList<>();
        int otherTypes = 0;
        int repeated = 0;
        for (PolledRecord record : PolledRecord.all(poll, spec.binding.topic())) {
            String type = record.header(CloudEventHeaders.TYPE);
            Effect<?> effect = spec.effects.get(type != null ? type : spec.typeWhenMissing.apply(record));
            if (effect == null) {
                otherTypes++;
                continue;
            }
            try {
                Read<?> read = read(record, effect);
                if (events.putIfAbsent(read.event().id(), read) != null) {
                    repeated++;
                }
            } catch (RuntimeException e) {
                rejected.add(new DeadLetter(record, DeadLetter.firstLine(String.valueOf(e.getMessage()))));
            }
        }
        Outcome outcome;
        try {
            outcome = processTogether(List.copyOf(events.values()));
        } catch (RuntimeException pollFailed) {
            log.warn("{}: a poll of {} events failed ({}); processing them one by one", spec.consumerName,
                    events.size(), DeadLetter.firstLine(String.valueOf(pollFailed.getMessage())));
            outcome = processOneByOne(events.values(), rejected);
        }
        for (DeadLetter r : rejected) {
            log.warn("{}: dead-lettered the record at {}: {}", spec.consumerName, r.record().where(), r.reason());
        }
        deadLetters.send(spec.binding.deadLetterTopic(), rejected);
        count("processed", outcome.processed());
        count("duplicate", outcome.duplicates() + repeated);
        count("other-type", otherTypes);
        count("rejected", rejected.size());
    }

    /** Of a poll's events (each id once): how many took effect, how many had been processed before. */
    private record Outcome(int processed, int duplicates) {
    }

    private <T> Read<T> read(PolledRecord record, Effect<T> effect) {
        return new Read<>(record, reader.read(record, effect.payloadType()), effect);
    }

    private Outcome processTogether(List<Read<?>> events) {
        if (events.isEmpty()) {
            return new Outcome(0, 0);
        }
        Mono<Integer> work = db.sql("""
                        insert into processed_event (consumer, event_id, event_type)
                        select :consumer, unnest(cast(:ids as uuid[])), unnest(cast(:types as text[]))
                        on conflict do nothing
                        returning event_id""")
                .bind("consumer", spec.consumerName)
                .bind("ids", events.stream().map(r -> r.event().id()).toArray(UUID[]::new))
                .bind("types", events.stream().map(r -> String.valueOf(r.event().type())).toArray(String[]::new))
                .map(row -> row.get("event_id", UUID.class))
                .all()
                .collect(HashSet<UUID>::new, Set::add)
                .flatMap(fresh -> Flux.fromIterable(events)
                        .filter(r -> fresh.contains(r.event().id()))
                        .concatMap(r -> r.apply(traces, spec.consumerName).then(Mono.just(1)))
                        .count()
                        .map(Long::intValue));
        Integer processed = transaction.transactional(work).block(POLL_TIMEOUT);
        int tookEffect = processed == null ? 0 : processed;
        return new Outcome(tookEffect, events.size() - tookEffect);
    }

    /** An event whose effect keeps failing is added to {@code rejected}. */
    private Outcome processOneByOne(Iterable<Read<?>> events, List<DeadLetter> rejected) {
        int processed = 0;
        int duplicates = 0;
        for (Read<?> read : events) {
            for (int attempt = 1; ; attempt++) {
                try {
                    if (read.processAlone(single, spec.consumerName)) {
                        processed++;
                    } else {
                        duplicates++;
                    }
                    break;
                } catch (DataAccessResourceFailureException | TransientDataAccessException unreachable) {
                    throw unreachable;
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS) {
                        rejected.add(new DeadLetter(read.record(), DeadLetter.firstLine(String.valueOf(e.getMessage()))));
                        break;
                    }
                    pause(Duration.ofMillis(200L << (attempt - 1)));
                }
            }
        }
        return new Outcome(processed, duplicates);
    }

    private void count(String outcome, int howMany) {
        if (howMany > 0) {
            meters.counter("tijian.events.consumed", "consumer", spec.consumerName, "type", "poll",
                    "outcome", outcome).increment(howMany);
        }
    }

    private static void pause(Duration backOff) {
        try {
            Thread.sleep(backOff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying an event", e);
        }
    }

    private record Read<T>(PolledRecord record, InboundEvent<T> event, Effect<T> effect) {

        Mono<?> apply(Traces traces, String consumerName) {
            return effect.traced(traces, consumerName).apply(event);
        }

        boolean processAlone(ProcessedEvents single, String consumerName) {
            return single.process(consumerName, event, effect.effect());
        }
    }
}
