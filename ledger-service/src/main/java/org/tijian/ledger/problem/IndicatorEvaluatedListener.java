package org.tijian.ledger.problem;

import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.messaging.Message;
import org.tijian.contracts.Topics;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.kit.messaging.DeadLetters;

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
            @Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka, BindingServiceProperties bindings) {
        return processedEvents.pollConsumer("ledger-service", Topics.EVALUATION_RESULTS, deadLetterTopic(bindings),
                        new DeadLetters(kafka))
                .on(IndicatorEvaluated.class, problems::onIndicatorEvaluated)
                .build();
    }

    private static String deadLetterTopic(BindingServiceProperties bindings) {
        return Topics.deadLetter(Topics.EVALUATION_RESULTS, bindings.getBindingProperties(BINDING).getGroup());
    }
}
