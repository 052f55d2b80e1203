package org.tijian.evaluation.input;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.evaluation.result.EvaluationRoundService;
import org.tijian.evaluation.result.FeedBacklog;
import org.tijian.evaluation.result.IndicatorIndexService;
import org.tijian.kit.messaging.DeadLetters;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires {@link IntakeFeedListener} and its two bindings; their retrying error handler ({@code batchRetryErrorHandler})
 * and dead-letter topics are service-kit's.
 */
@Configuration(proxyBeanMethods = false)
class IntakeFeedConfiguration {

    @Bean
    IntakeFeedListener intakeFeedListener(R2dbcIntakeInbox inbox, IndicatorIndexService catalog,
            EvaluationRoundService rounds, TransactionalOperator transaction, JsonMapper json, MeterRegistry meters,
            DeadLetters deadLetters, BindingServiceProperties bindings, Environment environment, FeedBacklog backlog) {
        // the binder's own properties live in its child context; Kafka's default is 500
        String maxPollRecords = environment.getProperty("spring.cloud.stream.kafka.bindings."
                + IntakeFeedListener.OBSERVATIONS_BINDING + ".consumer.configuration.max.poll.records", "500");
        return new IntakeFeedListener(inbox, catalog, rounds, transaction, json, deadLetters, meters,
                binding -> bindings.getBindingProperties(binding).getGroup(), backlog, Integer.parseInt(maxPollRecords));
    }

    @Bean
    Consumer<Message<List<byte[]>>> intakeObservations(IntakeFeedListener listener) {
        return listener.observations();
    }

    @Bean
    Consumer<Message<List<byte[]>>> intakeSubmissions(IntakeFeedListener listener) {
        return listener.submissions();
    }
}
