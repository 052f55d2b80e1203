package org.tijian.kit.operations;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.tijian.kit.config.TijianMessagingConfiguration;

/**
 * Operations for services with a database and Kafka: consumer lag and dead-letter gauges, and, where
 * {@code tijian.operations.path} is set, the operators' dead-letter tool.
 */
@AutoConfiguration(after = TijianMessagingConfiguration.class)
@ConditionalOnClass(name = {"org.springframework.r2dbc.core.DatabaseClient", "org.springframework.kafka.core.KafkaTemplate",
        "org.springframework.cloud.stream.function.StreamBridge"})
@EnableConfigurationProperties(OperationsProperties.class)
public class OperationsConfiguration {

    @Bean
    DeadLetterDispositions deadLetterDispositions(DatabaseClient db) {
        return new R2dbcDeadLetterDispositions(db);
    }

    @Bean
    KafkaGaugesService kafkaGaugesService(Environment environment, @Value("${tijian.kafka.brokers}") String brokers,
            @Value("${spring.application.name}") String application, DeadLetterDispositions dispositions,
            MeterRegistry meters, OperationsProperties properties) {
        Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                AdminClientConfig.CLIENT_ID_CONFIG, application + "-operations",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
        return new KafkaGaugesService(admin, ConsumerBinding.of(environment), dispositions, meters,
                properties.refreshInterval());
    }

    @Bean
    @ConditionalOnProperty("tijian.operations.path")
    DeadLetterService deadLetterService(Environment environment, @Value("${tijian.kafka.brokers}") String brokers,
            @Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka, DeadLetterDispositions dispositions) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        return new DeadLetterService(ConsumerBinding.of(environment), () -> new KafkaConsumer<>(config), kafka,
                dispositions, Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty("tijian.operations.path")
    @Import(DeadLetterController.class)
    static class DeadLetterTool {
    }
}
