package org.tijian.ledger.feedback;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.intake.PublicFeedbackReported;
import org.tijian.kit.inbox.ProcessedEvents;

/** Binding {@code publicFeedback-in-0}: intake.observations.v1 (PublicFeedbackReported only), group ledger-service. */
@Configuration(proxyBeanMethods = false)
class PublicFeedbackListener {

    @Bean
    Consumer<Message<byte[]>> publicFeedback(ProcessedEvents processedEvents, ComplaintStore complaints) {
        return processedEvents.consumer("ledger-service-feedback", PublicFeedbackReported.class,
                event -> complaints.record(event.payload()));
    }
}
