package org.tijian.kit.config;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.Topics;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.kit.messaging.BatchRetry;
import org.tijian.kit.messaging.DeadLetters;
import org.tijian.kit.operations.ConsumerBinding;
import org.tijian.kit.tracing.Traces;
import org.tijian.kit.messaging.EventReader;
import org.tijian.kit.messaging.IsoInstantDeserializer;
import org.tijian.kit.outbox.EventOutbox;
import org.tijian.kit.outbox.OutboxProperties;
import org.tijian.kit.outbox.OutboxRelay;
import org.tijian.kit.outbox.R2dbcEventOutbox;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** Outbox, relay, idempotent consumption and the platform's topics, for services with a database and Kafka. */
@AutoConfiguration(after = R2dbcAutoConfiguration.class)
// The binder too: the gateway has a database and, in its tests, Kafka classes, but no topics of its own.
@ConditionalOnClass(name = {"org.springframework.r2dbc.core.DatabaseClient", "org.springframework.kafka.core.KafkaTemplate",
        "org.springframework.cloud.stream.function.StreamBridge"})
@EnableConfigurationProperties(OutboxProperties.class)
public class TijianMessagingConfiguration {

    /** The kit's own migrations (outbox, processed events) run with each service's. */
    @Bean
    FlywayConfigurationCustomizer tijianKitMigrations() {
        return configuration -> {
            Location[] own = configuration.getLocations();
            Location[] all = java.util.Arrays.copyOf(own, own.length + 1);
            all[own.length] = new Location("classpath:db/kit");
            configuration.locations(all);
            // Kit migrations are numbered 0.x, below every service's own: a kit migration added later must still
            // run on databases whose own migrations are further along.
            configuration.outOfOrder(true);
        };
    }

    /** Events' times read without a formatter (see {@link IsoInstantDeserializer}). */
    @Bean
    JsonMapperBuilderCustomizer tijianIsoInstants() {
        return builder -> builder.addModule(new SimpleModule("tijian-iso-instants")
                .addDeserializer(Instant.class, new IsoInstantDeserializer()));
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
        return TransactionalOperator.create(transactionManager);
    }

    /** The error handler of every batch consumer ({@code common-error-handler-bean-name: batchRetryErrorHandler}). */
    @Bean(BatchRetry.BEAN)
    CommonErrorHandler batchRetryErrorHandler() {
        return BatchRetry.withoutLimit();
    }

    /** How batch consumers send the records they cannot use to their binding's dead-letter topic. */
    @Bean
    DeadLetters deadLetters(@Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka) {
        return new DeadLetters(kafka);
    }

    /**
     * The dead-letter topic of each consumer binding with a group ({@code error.<topic>.<group>}): batch consumers
     * (catalog copy, evaluation's intake feed, poll consumers) dead-letter on their own; the binder would make those
     * of per-message bindings only when it first dead-letters.
     */
    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(Environment environment, @Value("${tijian.kafka.partitions}") int partitions,
            @Value("${tijian.kafka.replication-factor}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(ConsumerBinding.of(environment).stream()
                .map(binding -> TopicBuilder.name(binding.deadLetterTopic()).partitions(partitions)
                        .replicas(replicationFactor).build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    EventReader eventReader(JsonMapper json) {
        return new EventReader(json);
    }

    @Bean
    ProcessedEvents processedEvents(DatabaseClient db, TransactionalOperator transaction, EventReader reader,
            MeterRegistry meters, Traces traces, DeadLetters deadLetters) {
        return new ProcessedEvents(db, transaction, reader, meters, traces, deadLetters);
    }

    @Bean
    EventOutbox eventOutbox(DatabaseClient db, JsonMapper json, @Value("${spring.application.name}") String source) {
        return new R2dbcEventOutbox(db, json, source);
    }

    /** Idempotent, ordered producer for the relay; fails fast instead of blocking when Kafka is down. */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(@Value("${tijian.kafka.brokers}") String brokers,
            @Value("${spring.application.name}") String application, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-outbox");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
        // JSON events with CloudEvents headers shrink about fivefold: the broker writes and copies a fifth.
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return new KafkaTemplate<>(factory);
    }

    @Bean
    OutboxRelay outboxRelay(DatabaseClient db, TransactionalOperator transaction,
            KafkaTemplate<String, byte[]> outboxKafkaTemplate, OutboxProperties properties, MeterRegistry meters,
            java.util.List<org.tijian.kit.outbox.OutboxExpansion> expansions) {
        return new OutboxRelay(db, transaction, outboxKafkaTemplate, properties, meters, expansions);
    }

    /** Every service declares the platform's topics; creating an existing topic is a no-op. */
    @Bean
    KafkaAdmin.NewTopics tijianTopics(@Value("${tijian.kafka.partitions}") int partitions,
            @Value("${tijian.kafka.replication-factor}") short replicationFactor) {
        return new KafkaAdmin.NewTopics(Topics.ALL.stream()
                .map(topic -> Topics.COMPACTED.contains(topic)
                        ? TopicBuilder.name(topic).partitions(partitions).replicas(replicationFactor).compact().build()
                        : TopicBuilder.name(topic).partitions(partitions).replicas(replicationFactor).build())
                .toArray(NewTopic[]::new));
    }
}
