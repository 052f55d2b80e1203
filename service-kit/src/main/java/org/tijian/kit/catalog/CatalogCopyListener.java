package org.tijian.kit.catalog;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.tijian.contracts.Topics;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.kit.catalog.CatalogCopy.Changes;
import org.tijian.kit.messaging.DeadLetter;
import org.tijian.kit.messaging.DeadLetters;
import org.tijian.kit.messaging.PolledRecord;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two batch consumers of the catalog copy: bindings {@code areaDefined-in-0} (catalog.areas.v1) and
 * {@code indicatorDefined-in-0} (catalog.indicators.v1), in the service's own consumer group, so that each service
 * reads the compacted topics from their beginning once and resumes where it stopped after downtime.
 *
 * <p>A poll (up to 2,000 records, as raw bytes) becomes one upsert per table in one transaction; the topics are
 * state keyed by code, so applying a poll again is harmless and no processed-event table is needed. A deleted
 * record (null value) removes the code from the copy, as compaction will remove it from the topic.
 *
 * <p>A record that cannot be applied (unreadable, a required field missing, a key that is not its code, a value the
 * database refuses) is skipped, logged, counted and sent to the group's dead-letter topic
 * {@code error.<topic>.<group>}; the rest of the poll is applied. The binder's own DLQ is off for these bindings:
 * in batch mode it would dead-letter the whole poll. Any other failure (the database is down) fails the poll, and
 * {@code batchRetryErrorHandler} retries it with back-off until it succeeds: a copy may lag, never skip.
 */
final class CatalogCopyListener {

    static final String AREA_BINDING = "areaDefined-in-0";
    static final String INDICATOR_BINDING = "indicatorDefined-in-0";

    private static final Logger log = LoggerFactory.getLogger(CatalogCopyListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CatalogCopy copy;
    private final JsonMapper json;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Function<String, String> groupOfBinding;

    CatalogCopyListener(CatalogCopy copy, JsonMapper json, DeadLetters deadLetters, MeterRegistry meters,
            Function<String, String> groupOfBinding) {
        this.copy = copy;
        this.json = json;
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.groupOfBinding = groupOfBinding;
    }

    Consumer<Message<List<byte[]>>> areas() {
        return new Feed<>("area", Topics.CATALOG_AREAS, AREA_BINDING, new CatalogPoll.Reader<>() {
            @Override
            public AreaDefined read(byte[] value) {
                return json.readValue(value, AreaDefined.class);
            }

            @Override
            public String code(AreaDefined area) {
                return area.code();
            }

            @Override
            public String problem(AreaDefined area) {
                return CatalogPoll.missing("code", area.code(), "nameZh", area.nameZh(), "level", area.level());
            }
        }, (incoming, held) -> true, copy::applyAreas);
    }

    Consumer<Message<List<byte[]>>> indicators() {
        return new Feed<>("indicator", Topics.CATALOG_INDICATORS, INDICATOR_BINDING, new CatalogPoll.Reader<>() {
            @Override
            public IndicatorDefined read(byte[] value) {
                return json.readValue(value, IndicatorDefined.class);
            }

            @Override
            public String code(IndicatorDefined indicator) {
                return indicator.code();
            }

            @Override
            public String problem(IndicatorDefined indicator) {
                return CatalogPoll.missing("code", indicator.code(), "nameZh", indicator.nameZh(),
                        "systemCode", indicator.systemCode(), "systemKind", indicator.systemKind());
            }
        }, (incoming, held) -> incoming.revision() >= held.revision(), copy::applyIndicators);
    }

    /** The consumer of one topic. */
    private final class Feed<T> implements Consumer<Message<List<byte[]>>> {

        private final String kind;
        private final String topic;
        private final String binding;
        private final CatalogPoll.Reader<T> reader;
        private final BiPredicate<T, T> replaces;
        private final BiFunction<Collection<T>, Collection<String>, Mono<Changes>> apply;

        Feed(String kind, String topic, String binding, CatalogPoll.Reader<T> reader, BiPredicate<T, T> replaces,
                BiFunction<Collection<T>, Collection<String>, Mono<Changes>> apply) {
            this.kind = kind;
            this.topic = topic;
            this.binding = binding;
            this.reader = reader;
            this.replaces = replaces;
            this.apply = apply;
        }

        @Override
        public void accept(Message<List<byte[]>> batch) {
            CatalogPoll<T> poll;
            Changes changes;
            try {
                poll = CatalogPoll.of(PolledRecord.all(batch, topic), reader, replaces);
                changes = applyIsolatingRefused(poll);
            } catch (RuntimeException e) {
                log.warn("catalog copy could not apply a poll of {} records of {}; it is retried: {}",
                        batch.getPayload().size(), topic, DeadLetter.firstLine(String.valueOf(e.getMessage())));
                throw e;
            }
            List<DeadLetter> rejected = poll.rejected();
            for (DeadLetter r : rejected) {
                log.warn("catalog copy skipped the record at {}: {}", r.record().where(), r.reason());
            }
            deadLetters.send(Topics.deadLetter(topic, groupOfBinding.apply(binding)), rejected);
            count("written", changes.written());
            count("unchanged", poll.latest().size() - changes.written());
            count("removed", changes.removed());
            count("rejected", rejected.size());
        }

        /**
         * Applies the poll in one transaction; if the database refuses a value, applies the definitions one by one
         * and rejects those it refuses, so one bad record cannot stop the copy.
         */
        private Changes applyIsolatingRefused(CatalogPoll<T> poll) {
            try {
                return block(() -> apply.apply(poll.latest().values(), poll.removed()));
            } catch (RuntimeException e) {
                R2dbcException refused = refusedByDatabase(e);
                if (refused == null) {
                    throw e;
                }
                log.warn("the database refused a poll of {} {} definitions ({}); applying them one by one",
                        poll.latest().size(), kind, reason(refused));
            }
            long written = 0;
            for (var entry : new ArrayList<>(poll.latest().entrySet())) {
                try {
                    written += block(() -> apply.apply(List.of(entry.getValue()), List.of())).written();
                } catch (RuntimeException e) {
                    R2dbcException refused = refusedByDatabase(e);
                    if (refused == null) {
                        throw e;
                    }
                    poll.reject(entry.getKey(), "refused by the database: " + reason(refused));
                    poll.latest().remove(entry.getKey());
                }
            }
            long removed = block(() -> apply.apply(List.of(), poll.removed())).removed();
            return new Changes(written, removed);
        }

        private void count(String outcome, long amount) {
            if (amount > 0) {
                meters.counter("tijian.catalog.copy.records", "kind", kind, "outcome", outcome).increment(amount);
            }
        }
    }

    private static Changes block(Supplier<Mono<Changes>> work) {
        return work.get().block(TIMEOUT);
    }

    /**
     * @return the database's error if it is a data exception (SQLSTATE class 22) or a constraint violation (23), where
     *     the value, not the database, is at fault; null for anything else (a connection failure is retried)
     */
    static R2dbcException refusedByDatabase(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null
                    && (r2dbc.getSqlState().startsWith("22") || r2dbc.getSqlState().startsWith("23"))) {
                return r2dbc;
            }
        }
        return null;
    }

    private static String reason(R2dbcException refused) {
        return DeadLetter.firstLine("SQLSTATE " + refused.getSqlState() + " " + refused.getMessage());
    }
}
