package org.tijian.ledger.problem;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.publisher.Mono;

/** Opens one problem per failing indicator, area and year; never two for the same thing. */
@Service
public class ProblemService {

    private final ProblemStore problems;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public ProblemService(ProblemStore problems, EventOutbox outbox, MeterRegistry meters) {
        this.problems = problems;
        this.outbox = outbox;
        this.meters = meters;
    }

    public Mono<Void> onIndicatorEvaluated(InboundEvent<IndicatorEvaluated> event) {
        return Mono.justOrEmpty(Problem.identify(event.payload(), Instant.now()))
                .flatMap(problem -> problems.insertIfAbsent(problem)
                        .filter(Boolean::booleanValue)
                        .flatMap(inserted -> {
                            meters.counter("tijian.ledger.problems.identified",
                                    "class", problem.rectificationClass().name()).increment();
                            return outbox.append(problem.identified(), problem.areaCode(), problem.id().toString(),
                                    event.trace().child());
                        }));
    }
}
