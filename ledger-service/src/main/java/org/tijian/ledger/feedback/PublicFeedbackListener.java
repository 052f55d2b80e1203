package org.tijian.ledger.feedback;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.contracts.intake.PublicFeedbackReported;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.ledger.problem.ProblemService;
import reactor.core.publisher.Mono;

/**
 * Binding {@code publicFeedback-in-0}: intake.observations.v1 (PublicFeedbackReported only), group ledger-service.
 * Hotline complaint counts are kept for classing, and may raise open problems to TIME_LIMITED (群众反映强烈).
 */
@Configuration(proxyBeanMethods = false)
class PublicFeedbackListener {

    @Bean
    Consumer<Message<byte[]>> publicFeedback(ProcessedEvents processedEvents, ComplaintStore complaints,
            ProblemService problems) {
        return processedEvents.consumer("ledger-service-feedback", PublicFeedbackReported.class, event -> {
            PublicFeedbackReported feedback = event.payload();
            if (feedback.kind() != ObservationKind.HOTLINE) {
                return Mono.empty();
            }
            return complaints.record(feedback).then(problems.onComplaints(feedback.checkYear(), feedback.areaCode(),
                    feedback.topic(), event.trace()));
        });
    }
}
