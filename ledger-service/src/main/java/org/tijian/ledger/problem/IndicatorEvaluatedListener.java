package org.tijian.ledger.problem;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.kit.inbox.ProcessedEvents;

/** Binding {@code indicatorEvaluated-in-0}: evaluation.results.v1, group ledger-service. */
@Configuration(proxyBeanMethods = false)
class IndicatorEvaluatedListener {

    @Bean
    Consumer<Message<byte[]>> indicatorEvaluated(ProcessedEvents processedEvents, ProblemService problems) {
        return processedEvents.consumer("ledger-service", IndicatorEvaluated.class, problems::onIndicatorEvaluated);
    }
}
