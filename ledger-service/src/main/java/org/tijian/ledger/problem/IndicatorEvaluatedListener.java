package org.tijian.ledger.problem;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.kit.operations.ConsumerBinding;

/**
 * Binding {@code indicatorEvaluated-in-0}: evaluation.results.v1, group ledger-service, a poll of up to 500 results
 * in one transaction (a province's first evaluation is hundreds of thousands of results). Unreadable results and
 * results whose effect keeps failing go to {@code error.evaluation.results.v1.ledger-service}.
 */
@Configuration(proxyBeanMethods = false)
class IndicatorEvaluatedListener {

    static final String BINDING = "indicatorEvaluated-in-0";

    @Bean
    Consumer<Message<List<byte[]>>> indicatorEvaluated(ProcessedEvents processedEvents, ProblemService problems,
            Environment environment) {
        return processedEvents.pollConsumer("ledger-service", ConsumerBinding.named(environment, BINDING))
                .on(IndicatorEvaluated.class, problems::onIndicatorEvaluated)
                .build();
    }
}
