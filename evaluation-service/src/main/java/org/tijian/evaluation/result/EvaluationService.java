package org.tijian.evaluation.result;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.evaluation.indicator.ApplicableStandardService;
import org.tijian.evaluation.indicator.EvaluationStandard;
import org.tijian.evaluation.indicator.IndicatorStore;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.publisher.Mono;

/**
 * Judges an accepted observation against the standard that applies to its area (by the check year and
 * the class and size of the area's city) and publishes a new result version when the value or the
 * verdict changed. Runs inside the consumer's transaction.
 */
@Service
public class EvaluationService {

    private static final Logger log = LoggerFactory.getLogger(EvaluationService.class);

    private final IndicatorStore indicators;
    private final ApplicableStandardService standards;
    private final ResultStore results;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public EvaluationService(IndicatorStore indicators, ApplicableStandardService standards, ResultStore results,
            EventOutbox outbox, MeterRegistry meters) {
        this.indicators = indicators;
        this.standards = standards;
        this.results = results;
        this.outbox = outbox;
        this.meters = meters;
    }

    public Mono<Void> evaluate(InboundEvent<ObservationAccepted> event) {
        ObservationAccepted observation = event.payload();
        return indicators.findForDataElement(observation.dataElement())
                .flatMap(indicator -> standards.forArea(indicator, observation.checkYear(), observation.areaCode()))
                .flatMap(standard -> judge(observation, standard, event))
                .switchIfEmpty(Mono.fromRunnable(() -> {
                    log.info("observation {} reports data element {} that no indicator uses; kept by intake, not evaluated",
                            observation.observationId(), observation.dataElement());
                    meters.counter("tijian.evaluation.observations.unused").increment();
                }))
                .then();
    }

    private Mono<Boolean> judge(ObservationAccepted observation, EvaluationStandard standard,
            InboundEvent<ObservationAccepted> cause) {
        Instant now = Instant.now();
        return results.find(observation.checkYear(), observation.areaCode(), standard.indicatorCode())
                .map(current -> current.revise(standard, observation.value(), observation.unit(),
                        observation.observationId(), now))
                .switchIfEmpty(Mono.fromSupplier(() -> Optional.of(IndicatorResult.first(observation.checkYear(),
                        observation.areaCode(), standard, observation.value(), observation.unit(),
                        observation.observationId(), now))))
                .flatMap(changed -> changed.map(result -> publish(result, standard, cause.trace().child()))
                        .orElse(Mono.empty()))
                .thenReturn(true);
    }

    Mono<Void> publish(IndicatorResult result, EvaluationStandard standard, TraceParent trace) {
        meters.counter("tijian.evaluation.results.published", "verdict", result.verdict().name()).increment();
        return results.save(result)
                .then(outbox.append(result.evaluated(standard), result.areaCode(), result.id().toString(), trace));
    }
}
