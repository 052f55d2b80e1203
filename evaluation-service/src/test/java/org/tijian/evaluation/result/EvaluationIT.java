package org.tijian.evaluation.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@TijianIntegrationTest(database = "evaluation_it")
class EvaluationIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final JsonMapper json = JsonMapper.builder().build();

    private static String area() {
        return "3601" + (10 + (int) (Math.random() * 89)) + (100 + (int) (Math.random() * 899));
    }

    /** The same event id sends the same observation again, as a redelivery would. */
    private UUID sendObservation(UUID eventId, String area, String dataElement, String value) {
        UUID observationId = UUID.nameUUIDFromBytes(eventId.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var observation = ObservationAccepted.single(observationId, 2025, area, dataElement, new BigDecimal(value), "%",
                "water", "water-dept", Instant.now());
        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, json.writeValueAsString(observation), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, "org.tijian.intake.ObservationAccepted.v1",
                CloudEventHeaders.SUBJECT, observation.observationId().toString(),
                CloudEventHeaders.TRACEPARENT, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        return observation.observationId();
    }

    private IndicatorEvaluated read(ConsumerRecord<String, byte[]> record) {
        return json.readValue(record.value(), IndicatorEvaluated.class);
    }

    @Autowired
    ReevaluationService reevaluation;

    @Autowired
    EvaluationRoundService rounds;

    @Test
    void drainingTheReevaluationQueueEndsWhenNoRequestIsOpen() {
        // it once repeated the empty claim forever: an idle service kept a core busy polling
        assertThat(reevaluation.drain().thenReturn("drained").block(Duration.ofSeconds(20))).isEqualTo("drained");
        assertThat(rounds.drain().thenReturn("drained").block(Duration.ofSeconds(20))).isEqualTo("drained");
    }

    @Test
    void failingValueIsJudgedAndPublishedOnceEvenWhenDeliveredTwice() {
        String area = area();
        UUID eventId = UUID.randomUUID();

        UUID observationId = sendObservation(eventId, area, "U01", "64");
        sendObservation(eventId, area, "U01", "64");

        try (KafkaProbe probe = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            IndicatorEvaluated result = read(probe.await(1, r -> area.equals(r.key()), WAIT).get(0));
            assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(result.indicatorCode()).isEqualTo("U01");
            assertThat(result.indicatorNameZh()).isEqualTo("城市生活污水集中收集率");
            assertThat(result.standard()).isEqualTo(">= 70");
            assertThat(result.gap()).isEqualByComparingTo("6");
            assertThat(result.explanation()).isEqualTo("64% < 70%（直接填报）");
            assertThat(result.observationIds()).containsExactly(observationId);
            assertThat(result.version()).isEqualTo(1);
            var record = probe.await(1, r -> area.equals(r.key()), WAIT).get(0);
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TRACEPARENT))
                    .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-");
            assertThat(probe.drain(r -> area.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void sameValueAgainPublishesNothingNewAndACorrectionFlipsTheVerdict() {
        String area = area();
        sendObservation(UUID.randomUUID(), area, "U01", "64");
        try (KafkaProbe probe = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            probe.await(1, r -> area.equals(r.key()), WAIT);

            sendObservation(UUID.randomUUID(), area, "U01", "64.0");
            UUID correction = sendObservation(UUID.randomUUID(), area, "U01", "75");

            var results = probe.await(2, r -> area.equals(r.key()), WAIT);
            IndicatorEvaluated second = read(results.get(1));
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.verdict()).isEqualTo(Verdict.PASS);
            assertThat(second.observationIds()).containsExactly(correction);
            assertThat(probe.drain(r -> area.equals(r.key()), Duration.ofSeconds(1))).hasSize(2);
        }
    }

    @Test
    void unreadableMessageGoesToTheDeadLetterTopicAndConsumptionContinues() {
        String area = area();
        UUID poisonId = UUID.randomUUID();

        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, "{not json", Map.of(CloudEventHeaders.ID, poisonId.toString()));
        KafkaProbe.send(Topics.INTAKE_OBSERVATIONS, area, "{}", Map.of());
        sendObservation(UUID.randomUUID(), area, "U04", "2.1");

        try (KafkaProbe dlq = KafkaProbe.on(Topics.deadLetter(Topics.INTAKE_OBSERVATIONS,
                TestInfrastructure.consumerGroup("evaluation-service", "evaluation_it")));
                KafkaProbe results = KafkaProbe.on(Topics.EVALUATION_RESULTS)) {
            var dead = dlq.await(2, r -> area.equals(r.key()), WAIT);
            assertThat(KafkaProbe.text(dead.get(0))).isEqualTo("{not json");
            assertThat(KafkaProbe.header(dead.get(0), CloudEventHeaders.ID)).isEqualTo(poisonId.toString());
            assertThat(KafkaProbe.header(dead.get(0), "x-exception-message")).isNotBlank();

            IndicatorEvaluated next = read(results.await(1, r -> area.equals(r.key()), WAIT).get(0));
            assertThat(next.indicatorCode()).isEqualTo("U04");
            assertThat(next.verdict()).isEqualTo(Verdict.FAIL);
        }
    }
}
