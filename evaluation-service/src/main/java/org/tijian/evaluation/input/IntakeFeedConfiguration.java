package org.tijian.evaluation.input;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.Topics;
import org.tijian.evaluation.result.EvaluationRoundService;
import org.tijian.evaluation.result.IndicatorIndexService;
import org.tijian.kit.messaging.BatchRetry;
import org.tijian.kit.messaging.DeadLetters;
import tools.jackson.databind.json.JsonMapper;

/** Wires {@link IntakeFeedListener}: its two bindings, its retrying error handler and its dead-letter topics. */
@Configuration(proxyBeanMethods = false)
class IntakeFeedConfiguration {

    static final String ERROR_HANDLER = "intakeFeedErrorHandler";

    @Bean
    IntakeFeedListener intakeFeedListener(R2dbcIntakeInbox inbox, IndicatorIndexService catalog,
            EvaluationRoundService rounds, TransactionalOperator transaction, JsonMapper json, MeterRegistry meters,
            @Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka, BindingServiceProperties bindings) {
        return new IntakeFeedListener(inbox, catalog, rounds, transaction, json, new DeadLetters(kafka), meters,
                binding -> bindings.getBindingProperties(binding).getGroup());
    }

    @Bean
    Consumer<Message<List<byte[]>>> intakeObservations(IntakeFeedListener listener) {
        return listener.observations();
    }

    @Bean
    Consumer<Message<List<byte[]>>> intakeSubmissions(IntakeFeedListener listener) {
        return listener.submissions();
    }

    /** A poll that failed for another reason than a bad record is retried, from 0.5 s doubling to 30 s, without limit. */
    @Bean(ERROR_HANDLER)
    CommonErrorHandler intakeFeedErrorHandler() {
        return BatchRetry.withoutLimit();
    }

    @Bean
    KafkaAdmin.NewTopics intakeFeedDeadLetterTopics(BindingServiceProperties bindings,
            @Value("${tijian.kafka.partitions}") int partitions,
            @Value("${tijian.kafka.replication-factor}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.deadLetter(Topics.INTAKE_OBSERVATIONS,
                        bindings.getBindingProperties(IntakeFeedListener.OBSERVATIONS_BINDING).getGroup()))
                        .partitions(partitions).replicas(replicationFactor).build(),
                TopicBuilder.name(Topics.deadLetter(Topics.INTAKE_SUBMISSIONS,
                        bindings.getBindingProperties(IntakeFeedListener.SUBMISSIONS_BINDING).getGroup()))
                        .partitions(partitions).replicas(replicationFactor).build());
    }
}
