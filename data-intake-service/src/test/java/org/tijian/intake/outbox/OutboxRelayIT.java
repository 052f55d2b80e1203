package org.tijian.intake.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.tijian.contracts.Topics;
import org.tijian.intake.observation.Observation;
import org.tijian.intake.observation.ObservationIntakeService;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.outbox.OutboxExpansion;
import org.tijian.kit.outbox.OutboxProperties;
import org.tijian.kit.outbox.OutboxRelay;
import org.tijian.kit.security.TijianUser;
import org.tijian.kit.security.Role;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TijianIntegrationTest;

/**
 * The relay of this context never runs ({@code tijian.outbox.enabled=false}): it is the process that
 * died after the database commit and before the Kafka send. A relay started afterwards, as a
 * restarted service would, must publish what was committed, in order, and nothing twice.
 */
@TijianIntegrationTest(database = "intake_relay_it", properties = "tijian.outbox.enabled=false")
class OutboxRelayIT {

    private static final TijianUser WATER = new TijianUser("water-dept", "水务局", java.util.Set.of(Role.DEPARTMENT_SUBMITTER),
            "water", List.of("36"), null);

    @Autowired
    ObservationIntakeService intake;
    @Autowired
    DatabaseClient db;
    @Autowired
    TransactionalOperator transaction;
    @Autowired
    KafkaTemplate<String, byte[]> outboxKafkaTemplate;

    @Autowired
    List<OutboxExpansion> expansions;

    private OutboxRelay restartedRelay(KafkaTemplate<String, byte[]> kafka) {
        return new OutboxRelay(db, transaction, kafka, new OutboxProperties(true, Duration.ofMillis(100), 20,
                Duration.ofSeconds(5), Duration.ofDays(7)), new SimpleMeterRegistry(), expansions);
    }

    @Autowired
    org.tijian.kit.catalog.CatalogCopy catalogCopy;

    private static boolean catalogFilled;

    @org.junit.jupiter.api.BeforeEach
    void fillCatalogCopyOnce() {
        synchronized (OutboxRelayIT.class) {
            if (!catalogFilled) {
                org.tijian.intake.submission.IntakeCatalogAccess.fill(catalogCopy);
                catalogFilled = true;
            }
        }
    }

    private Observation accept(String area, int year, int value) {
        return intake.accept(new ObservationIntakeService.Submission(year, area, "U01", BigDecimal.valueOf(value), "%",
                null), WATER, null, org.tijian.kit.messaging.TraceParent.newRoot()).block().observation();
    }

    private static boolean subjectIn(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record,
            List<Observation> observations) {
        String subject = KafkaProbe.header(record, CloudEventHeaders.SUBJECT);
        return observations.stream().anyMatch(o -> o.id().toString().equals(subject));
    }

    @Test
    void eventsCommittedBeforeTheRelayDiedArePublishedInOrderAfterRestart() {
        String area = "360111";
        List<Observation> committed = IntStream.range(0, 45).mapToObj(i -> accept(area, 2051, i)).toList();

        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            assertThat(probe.drain(r -> subjectIn(r, committed), Duration.ofMillis(500)))
                    .as("nothing is published while the relay is down").isEmpty();

            int published = restartedRelay(outboxKafkaTemplate).publishPending();

            assertThat(published).isGreaterThanOrEqualTo(45);
            var records = probe.await(45, r -> subjectIn(r, committed), Duration.ofSeconds(20));
            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(area));
            assertThat(records).extracting(r -> KafkaProbe.header(r, CloudEventHeaders.SUBJECT))
                    .containsExactlyElementsOf(committed.stream().map(o -> o.id().toString()).toList());
            assertThat(restartedRelay(outboxKafkaTemplate).publishPending()).as("nothing left to publish").isZero();
            assertThat(probe.drain(r -> subjectIn(r, committed), Duration.ofMillis(500))).hasSize(45);
        }
    }

    @Test
    void aBrokerOutageKeepsTheRowsUntilKafkaIsBack() {
        Observation observation = accept("360112", 2052, 42);

        int duringOutage = restartedRelay(unreachableKafka()).publishBatch();

        assertThat(duringOutage).isZero();
        assertThat(unpublished(observation)).isTrue();
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            restartedRelay(outboxKafkaTemplate).publishPending();
            probe.await(1, r -> observation.id().toString().equals(KafkaProbe.header(r, CloudEventHeaders.SUBJECT)),
                    Duration.ofSeconds(20));
        }
        assertThat(unpublished(observation)).isFalse();
    }

    private boolean unpublished(Observation observation) {
        // The observation's batch has one outbox row that stands for its events.
        return db.sql("select published_at is null as pending from outbox_event where message_key = :batch and expansion is not null")
                .bind("batch", observation.batchId().toString())
                .map(row -> row.get("pending", Boolean.class))
                .one().block();
    }

    private static KafkaTemplate<String, byte[]> unreachableKafka() {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1_500);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
    }
}
