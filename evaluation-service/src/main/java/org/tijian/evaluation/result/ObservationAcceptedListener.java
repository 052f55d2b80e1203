package org.tijian.evaluation.result;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.kit.inbox.ProcessedEvents;

/** Binding {@code observationAccepted-in-0}: intake.observations.v1, group evaluation-service. */
@Configuration(proxyBeanMethods = false)
class ObservationAcceptedListener {

    @Bean
    Consumer<Message<byte[]>> observationAccepted(ProcessedEvents processedEvents, EvaluationService evaluation) {
        return processedEvents.consumer("evaluation-service", ObservationAccepted.class, evaluation::evaluate);
    }
}
