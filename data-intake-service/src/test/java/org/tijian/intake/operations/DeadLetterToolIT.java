package org.tijian.intake.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Topics;
import org.tijian.kit.operations.DeadLetterView;
import org.tijian.kit.operations.KafkaGaugesService;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;

/**
 * The operators' dead-letter tool (service-kit) on intake's catalog copy, against the real broker: unreadable areas
 * are dead-lettered, listed with their error, replayed to the original topic with their key and headers, or
 * discarded with a reason; each once, and the gauge counts only those still waiting.
 */
@TijianIntegrationTest(database = DeadLetterToolIT.DATABASE)
class DeadLetterToolIT {

    static final String DATABASE = "intake_dead_letters_it";
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.CATALOG_AREAS,
            TestInfrastructure.consumerGroup("data-intake-service", DATABASE));
    private static final String TOOL = "/api/intake/operations/dead-letters";
    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Autowired
    KafkaGaugesService gauges;
    @Autowired
    MeterRegistry meters;
    @Value("${local.server.port}")
    int port;

    private WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor(user)).build();
    }

    private List<DeadLetterView> waiting() {
        return as("operator").get().uri(TOOL + "?topic=" + DEAD_LETTERS).exchange()
                .expectStatus().isOk().expectBodyList(DeadLetterView.class).returnResult().getResponseBody();
    }

    private DeadLetterView waitingWithKey(String key) {
        return waiting().stream().filter(d -> key.equals(d.key())).findFirst().orElse(null);
    }

    @Test
    void deadLettersAreListedReplayedWithTheirKeyAndHeadersOrDiscardedWithAReason() throws Exception {
        // given: two unreadable areas, dead-lettered by the catalog copy
        KafkaProbe.send(Topics.CATALOG_AREAS, "3601029901", "{not json", Map.of("traceparent", TRACE));
        KafkaProbe.send(Topics.CATALOG_AREAS, "3601029902", "{not json either", Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> waitingWithKey("3601029901") != null && waitingWithKey("3601029902") != null);
        DeadLetterView first = waitingWithKey("3601029901");
        DeadLetterView second = waitingWithKey("3601029902");
        assertThat(first.originalTopic()).isEqualTo(Topics.CATALOG_AREAS);
        assertThat(first.error()).isNotBlank();
        assertThat(first.headers()).containsEntry("traceparent", TRACE);
        gauges.refresh();
        assertThat(meters.get("tijian.dlq.messages").tag("topic", DEAD_LETTERS).gauge().value()).isEqualTo(waiting().size());

        // when: a department tries the tool
        as("water-dept").get().uri(TOOL).exchange().expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

        // when: the operator replays the first
        try (KafkaProbe areas = KafkaProbe.on(Topics.CATALOG_AREAS)) {
            as("operator").post().uri(TOOL + "/{topic}/{partition}/{offset}/replay", DEAD_LETTERS, first.partition(),
                    first.offset()).exchange().expectStatus().isOk();
            // then: it is back on the original topic with its key, payload and trace, without the DLQ's headers
            var replayed = areas.await(2, r -> "3601029901".equals(r.key()), Duration.ofSeconds(30));
            var copy = replayed.get(replayed.size() - 1);
            assertThat(KafkaProbe.text(copy)).isEqualTo("{not json");
            assertThat(KafkaProbe.header(copy, "traceparent")).isEqualTo(TRACE);
            assertThat(copy.headers().lastHeader("x-exception-message")).isNull();
        }
        // and: once only
        as("operator").post().uri(TOOL + "/{topic}/{partition}/{offset}/replay", DEAD_LETTERS, first.partition(),
                first.offset()).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("OPS_E0003");

        // when: the operator discards the second, first without a reason
        as("operator").post().uri(TOOL + "/{topic}/{partition}/{offset}/discard", DEAD_LETTERS, second.partition(),
                second.offset()).contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("OPS_E0004");
        as("operator").post().uri(TOOL + "/{topic}/{partition}/{offset}/discard", DEAD_LETTERS, second.partition(),
                second.offset()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"reason\": \"测试数据，部门已重新报送\"}").exchange().expectStatus().isOk();

        // then: neither waits any more (the replayed one, still unreadable, is dead-lettered anew at a later offset)
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<DeadLetterView> now = waiting();
            assertThat(now).noneMatch(d -> d.offset() == first.offset() && d.partition() == first.partition());
            assertThat(now).noneMatch(d -> d.offset() == second.offset() && d.partition() == second.partition());
            assertThat(now).anyMatch(d -> "3601029901".equals(d.key()));
        });
        gauges.refresh();
        assertThat(meters.get("tijian.dlq.messages").tag("topic", DEAD_LETTERS).gauge().value()).isEqualTo(waiting().size());
    }
}
