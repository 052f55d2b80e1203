package org.tijian.evaluation.result;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.evaluation.standard.EvaluationStandard;
import org.tijian.evaluation.standard.IndicatorCatalog;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.publisher.Mono;

/**
 * Judges an accepted observation against its indicator's standard and publishes a new result
 * version when the value or the verdict changed. Runs inside the consumer's transaction.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final IndicatorCatalog catalog;
    private final ResultStore results;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public EvaluationService(IndicatorCatalog catalog, ResultStore results, EventOutbox outbox, MeterRegistry meters) {
        this.catalog = catalog;
        this.results = results;
        this.outbox = outbox;
        this.meters = meters;
    }

    public Mono<Void> evaluate(InboundEvent<ObservationAccepted> event) {
        ObservationAccepted observation = event.payload();
        EvaluationStandard standard = catalog.find(observation.dataElement()).orElse(null);
        if (standard == null) {
            log.info("observation {} reports data element {} that no indicator uses; kept by intake, not evaluated",
                    observation.observationId(), observation.dataElement());
            meters.counter("tijian.evaluation.observations.unused").increment();
            return Mono.empty();
        }
        Instant now = Instant.now();
        return results.find(observation.checkYear(), observation.areaCode(), standard.indicatorCode())
                .map(current -> current.revise(standard, observation.value(), observation.unit(),
                        observation.observationId(), now))
                .switchIfEmpty(Mono.fromSupplier(() -> Optional.of(IndicatorResult.first(observation.checkYear(),
                        observation.areaCode(), standard, observation.value(), observation.unit(),
                        observation.observationId(), now))))
                .flatMap(changed -> changed.map(result -> publish(result, standard, event)).orElse(Mono.empty()));
    }

    private Mono<Void> publish(IndicatorResult result, EvaluationStandard standard,
            InboundEvent<ObservationAccepted> cause) {
        meters.counter("tijian.evaluation.results.published", "verdict", result.verdict().name()).increment();
        return results.save(result)
                .then(outbox.append(result.evaluated(standard), result.areaCode(), result.id().toString(),
                        cause.trace().child()));
    }
}
