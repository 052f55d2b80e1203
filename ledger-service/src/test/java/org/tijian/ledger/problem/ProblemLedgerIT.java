package org.tijian.ledger.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Topics;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@TijianIntegrationTest(database = "ledger_it")
class ProblemLedgerIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private void deliver(UUID eventId, IndicatorEvaluated result) {
        KafkaProbe.send(Topics.EVALUATION_RESULTS, result.areaCode(), json.writeValueAsString(result), Map.of(
                CloudEventHeaders.ID, eventId.toString(),
                CloudEventHeaders.TYPE, "org.tijian.evaluation.IndicatorEvaluated.v1"));
    }

    private WebTestClient official() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("nanchang-official"))
                .build();
    }

    @Test
    void failingResultOpensOneProblemHoweverOftenItArrives() {
        String area = "360111" + (100 + (int) (Math.random() * 899));
        IndicatorEvaluated failing = ProblemTest.result(area, "U01", Verdict.FAIL, "64");
        UUID eventId = UUID.randomUUID();

        deliver(eventId, failing);
        deliver(eventId, failing);
        deliver(UUID.randomUUID(), ProblemTest.result(area, "U01", Verdict.FAIL, "63"));
        deliver(UUID.randomUUID(), ProblemTest.result(area, "U01", Verdict.PASS, "80"));

        try (KafkaProbe probe = KafkaProbe.on(Topics.LEDGER_PROBLEMS)) {
            var record = probe.await(1, r -> area.equals(r.key()), WAIT).get(0);
            ProblemIdentified problem = json.readValue(record.value(), ProblemIdentified.class);
            assertThat(problem.indicatorCode()).isEqualTo("U01");
            assertThat(problem.sourceResultId()).isEqualTo(failing.resultId());
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.tijian.ledger.ProblemIdentified.v1");
            assertThat(probe.drain(r -> area.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);

            official().get().uri("/api/ledger/problems/{id}", problem.problemId()).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("IDENTIFIED")
                    .jsonPath("$.description").isEqualTo(problem.description());
        }
        Awaitility.await().atMost(WAIT).untilAsserted(() -> official().get()
                .uri("/api/ledger/problems?areaCode={area}&checkYear=2025", area.substring(0, 6)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.areaCode == '" + area + "')]").value(found ->
                        assertThat((java.util.List<?>) found).hasSize(1)));
    }

    @Test
    void ledgerAnswersOnlyWithAToken() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/ledger/problems?areaCode=3601&checkYear=2025").exchange()
                .expectStatus().isUnauthorized();
        official().get().uri("/api/ledger/problems?areaCode=36%25&checkYear=2025").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0400");
    }
}
