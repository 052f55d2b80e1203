package org.tijian.evaluation.input;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.EventType;
import org.tijian.contracts.MayBeNull;
import org.tijian.contracts.Topics;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.evaluation.result.EvaluationRoundService;
import org.tijian.evaluation.result.FeedBacklog;
import org.tijian.evaluation.result.IndicatorIndexService;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.DeadLetter;
import org.tijian.kit.messaging.DeadLetters;
import org.tijian.kit.messaging.PolledRecord;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch consumers of intake's topics: bindings {@code intakeObservations-in-0} (intake.observations.v1: values,
 * findings, public feedback, withdrawals) and {@code intakeSubmissions-in-0} (intake.submissions.v1: finished batches
 * with their survey coverage). A poll of up to 2,000 raw records is stored in one transaction, which also computes the
 * results the poll touches (a finding's building verdict is published without waiting for a round); what that marks
 * (parents, areas a survey covered) the rounds take once it has settled.
 *
 * <p>A record that cannot be read (unknown type, bad JSON, a required field missing) goes to the group's dead-letter
 * topic and the rest of the poll is stored. Any other failure (the database is down) fails the poll, which the error
 * handler retries with back-off until it succeeds: evaluation may lag, never skip.
 */
final class IntakeFeedListener {

    static final String OBSERVATIONS_BINDING = "intakeObservations-in-0";
    static final String SUBMISSIONS_BINDING = "intakeSubmissions-in-0";

    private static final Logger log = LoggerFactory.getLogger(IntakeFeedListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    /** Per event class, the accessors of its required fields: looked up once, not for every record of a poll. */
    private static final ClassValue<List<Method>> REQUIRED_ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .filter(component -> !component.isAnnotationPresent(MayBeNull.class))
                    .map(RecordComponent::getAccessor)
                    .toList();
        }
    };

    private final R2dbcIntakeInbox inbox;
    private final IndicatorIndexService catalog;
    private final EvaluationRoundService rounds;
    private final TransactionalOperator transaction;
    /** One reader per event type: {@code readValue(bytes, type)} resolved the type again for every record. */
    private final ClassValue<ObjectReader> readers;
    private final DeadLetters deadLetters;
    private final MeterRegistry meters;
    private final Function<String, String> groupOfBinding;
    private final FeedBacklog backlog;
    private final int maxPollRecords;

    IntakeFeedListener(R2dbcIntakeInbox inbox, IndicatorIndexService catalog, EvaluationRoundService rounds,
            TransactionalOperator transaction, JsonMapper json, DeadLetters deadLetters, MeterRegistry meters,
            Function<String, String> groupOfBinding, FeedBacklog backlog, int maxPollRecords) {
        this.inbox = inbox;
        this.catalog = catalog;
        this.rounds = rounds;
        this.transaction = transaction;
        this.readers = new ClassValue<>() {
            @Override
            protected ObjectReader computeValue(Class<?> type) {
                return json.readerFor(type);
            }
        };
        this.deadLetters = deadLetters;
        this.meters = meters;
        this.groupOfBinding = groupOfBinding;
        this.backlog = backlog;
        this.maxPollRecords = maxPollRecords;
    }

    Consumer<Message<List<byte[]>>> observations() {
        return batch -> {
            List<PolledRecord> records = PolledRecord.all(batch, Topics.INTAKE_OBSERVATIONS);
            backlog.polled(records.size(), maxPollRecords, oldestWaited(records));
            accept(records, Topics.INTAKE_OBSERVATIONS, OBSERVATIONS_BINDING);
        };
    }

    Consumer<Message<List<byte[]>>> submissions() {
        return batch -> accept(PolledRecord.all(batch, Topics.INTAKE_SUBMISSIONS), Topics.INTAKE_SUBMISSIONS,
                SUBMISSIONS_BINDING);
    }

    private void accept(List<PolledRecord> records, String topic, String binding) {
        IntakePoll poll = IntakePoll.empty();
        List<DeadLetter> rejected = new ArrayList<>();
        int ignored = 0;
        for (PolledRecord record : records) {
            try {
                if (!read(record, poll)) {
                    ignored++;
                }
            } catch (RuntimeException e) {
                rejected.add(new DeadLetter(record, DeadLetter.firstLine(e.getMessage())));
            }
        }
        try {
            transaction.transactional(catalog.current().flatMap(index -> inbox.store(poll, index)
                    .flatMap(touched -> rounds.evaluateNow(touched, index)))).block(TIMEOUT);
        } catch (RuntimeException e) {
            log.warn("could not store a poll of {} records of {}; it is retried: {}", records.size(), topic,
                    DeadLetter.firstLine(String.valueOf(e.getMessage())));
            throw e;
        }
        for (DeadLetter r : rejected) {
            log.warn("skipped the record at {}: {}", r.record().where(), r.reason());
        }
        deadLetters.send(Topics.deadLetter(topic, groupOfBinding.apply(binding)), rejected);
        count("value", poll.values().size());
        count("finding", poll.findings().size());
        count("withdrawal", poll.withdrawals().size());
        count("submission", poll.submissions().size());
        count("ignored", ignored);
        count("rejected", rejected.size());
    }

    /** How long the poll's oldest record had been on the topic (by the records' timestamps). */
    private static Duration oldestWaited(List<PolledRecord> records) {
        return records.stream().map(PolledRecord::timestamp).filter(Objects::nonNull).min(Long::compare)
                .map(oldest -> Duration.ofMillis(Math.max(0, System.currentTimeMillis() - oldest)))
                .orElse(Duration.ZERO);
    }

    /** @return false for an event evaluation does not use (public feedback) */
    private boolean read(PolledRecord record, IntakePoll poll) {
        if (record.value() == null) {
            throw new IllegalArgumentException("a record without a value");
        }
        String type = record.header(CloudEventHeaders.TYPE);
        if (type == null) {
            throw new IllegalArgumentException("a record without a " + CloudEventHeaders.TYPE + " header");
        }
        switch (EventType.ofCloudEventType(type)) {
            case OBSERVATION_ACCEPTED -> poll.values().add(read(record, ObservationAccepted.class, poll));
            case FINDING_REPORTED -> poll.findings().add(read(record, FindingReported.class, poll));
            case OBSERVATION_WITHDRAWN -> poll.withdrawals().add(read(record, ObservationWithdrawn.class, poll));
            case SUBMISSION_ACCEPTED -> poll.submissions().add(read(record, SubmissionAccepted.class, poll));
            case PUBLIC_FEEDBACK_REPORTED -> {
                return false;
            }
            default -> throw new IllegalArgumentException("not an intake event: " + type);
        }
        return true;
    }

    private <T extends Record> T read(PolledRecord record, Class<T> type, IntakePoll poll) {
        T event = required(readers.get(type).readValue(record.value()));
        poll.traces().put(event, record.header(CloudEventHeaders.TRACEPARENT));
        return event;
    }

    /** Rejects a record whose required fields (those the contract does not mark as possibly null) are missing. */
    private static <T extends Record> T required(T event) {
        for (Method accessor : REQUIRED_ACCESSORS.get(event.getClass())) {
            try {
                if (accessor.invoke(event) == null) {
                    throw new IllegalArgumentException(event.getClass().getSimpleName() + " lacks " + accessor.getName());
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return event;
    }

    private void count(String kind, long amount) {
        if (amount > 0) {
            meters.counter("tijian.evaluation.observations.consumed", "kind", kind).increment(amount);
        }
    }
}
