package org.tijian.intake.observation;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.kit.error.TijianException;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import org.tijian.kit.security.TijianUser;
import reactor.core.publisher.Mono;

/** Accepts one observation: the row and its ObservationAccepted outbox entry commit together. */
@Service
public class ObservationIntakeService {

    private final ObservationStore observations;
    private final EventOutbox outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;

    public ObservationIntakeService(ObservationStore observations, EventOutbox outbox,
            TransactionalOperator transaction) {
        this.observations = observations;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = Clock.systemUTC();
    }

    /**
     * @param idempotencyKey optional; a retried upload with the same key returns the first result
     * @return the accepted observation and whether it was new
     */
    public Mono<Accepted> accept(Observation.Submission submission, TijianUser submitter, String idempotencyKey,
            TraceParent trace) {
        Mono<Accepted> fresh = Mono.defer(() -> {
            Observation observation = Observation.accept(submission, submitter.department(), submitter.areas(),
                    submitter.subject(), idempotencyKey, Instant.now(clock));
            return observations.insert(observation)
                    .then(outbox.append(observation.accepted(), observation.areaCode(), observation.id().toString(),
                            trace))
                    .thenReturn(new Accepted(observation, true));
        });
        if (idempotencyKey == null || submitter.department() == null) {
            return transaction.transactional(fresh);
        }
        Mono<Accepted> work = observations.findByIdempotencyKey(submitter.department(), idempotencyKey)
                .map(previous -> {
                    if (!previous.sameContentAs(submission)) {
                        throw new TijianException(IntakeError.IDEMPOTENCY_KEY_REUSED, idempotencyKey);
                    }
                    return new Accepted(previous, false);
                })
                .switchIfEmpty(fresh);
        return transaction.transactional(work);
    }

    public record Accepted(Observation observation, boolean created) {
    }
}
