package org.tijian.intake.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Topics;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@TijianIntegrationTest(database = "intake_it")
class ObservationIntakeIT {

    @org.springframework.beans.factory.annotation.Autowired
    org.tijian.kit.catalog.CatalogCopy catalogCopy;

    private static boolean catalogFilled;

    @org.junit.jupiter.api.BeforeEach
    void fillCatalogCopyOnce() {
        synchronized (ObservationIntakeIT.class) {
            if (!catalogFilled) {
                org.tijian.intake.submission.IntakeCatalogAccess.fill(catalogCopy);
                catalogFilled = true;
            }
        }
    }

    @Value("${local.server.port}")
    int port;

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20)).build();
    }

    private static String token(String user) {
        return "Bearer " + TestInfrastructure.get().tokens().tokenFor(user);
    }

    private static String body(String areaCode, String value) {
        return """
                {"checkYear": 2025, "areaCode": "%s", "dataElement": "U01", "value": %s, "unit": "%%"}""".formatted(areaCode, value);
    }

    private static String anyDistrictOfNanchang() {
        String[] districts = {"360102", "360103", "360104", "360111", "360112", "360113"};
        return districts[(int) (Math.random() * districts.length)];
    }

    @Test
    void acceptedObservationIsStoredAndPublishedWithCloudEventsHeaders() {
        String area = anyDistrictOfNanchang();
        String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

        Observation created = client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept"))
                .header("traceparent", traceparent)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body(area, "64"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().exists("Location")
                .expectBody(Observation.class).returnResult().getResponseBody();

        assertThat(created.department()).isEqualTo("water");
        assertThat(created.submittedBy()).isEqualTo("water-dept");
        client().get().uri("/api/intake/observations/{id}", created.id())
                .header("Authorization", token("nanchang-official"))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.areaCode").isEqualTo(area);

        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            var records = probe.await(1, r -> created.id().toString().equals(KafkaProbe.header(r, CloudEventHeaders.SUBJECT)),
                    Duration.ofSeconds(20));
            var record = records.get(0);
            assertThat(record.key()).isEqualTo(area);
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.tijian.intake.ObservationAccepted.v1");
            assertThat(KafkaProbe.header(record, CloudEventHeaders.SOURCE)).isEqualTo("data-intake-service");
            assertThat(UUID.fromString(KafkaProbe.header(record, CloudEventHeaders.ID))).isNotNull();
            assertThat(Instant.parse(KafkaProbe.header(record, CloudEventHeaders.TIME))).isNotNull();
            assertThat(KafkaProbe.header(record, CloudEventHeaders.TRACEPARENT))
                    .startsWith("00-0af7651916cd43dd8448eb211c80319c-");
            ObservationAccepted event = JsonMapper.builder().build().readValue(record.value(), ObservationAccepted.class);
            assertThat(event.observationId()).isEqualTo(created.id());
            assertThat(event.value()).isEqualByComparingTo(created.value());
            assertThat(event.batchId()).isEqualTo(created.batchId());
            assertThat(event.rowNo()).isEqualTo(1);
        }
    }

    @Test
    void retriedUploadWithTheSameIdempotencyKeyIsAcceptedOnce() {
        String key = UUID.randomUUID().toString();
        String area = "360104";

        Observation first = client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(area, "71.5"))
                .exchange().expectStatus().isCreated()
                .expectBody(Observation.class).returnResult().getResponseBody();
        Observation retried = client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(area, "71.5"))
                .exchange().expectStatus().isOk()
                .expectBody(Observation.class).returnResult().getResponseBody();
        client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept")).header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body(area, "80"))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1007");

        assertThat(retried.id()).isEqualTo(first.id());
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            probe.await(1, r -> first.id().toString().equals(KafkaProbe.header(r, CloudEventHeaders.SUBJECT)),
                    Duration.ofSeconds(20));
            assertThat(probe.drain(r -> KafkaProbe.text(r).contains(first.id().toString()), Duration.ofSeconds(1)))
                    .hasSize(1);
        }
    }

    @Test
    void badInputIsAnsweredAsProblemJsonWithAStableCode() {
        client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("36-01", "1"))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INTAKE_E1002")
                .jsonPath("$.detail").isEqualTo("区域代码 36-01 格式错误：应为 2–24 位数字");

        client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept")).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"checkYear\": 2025, \"areaCode\": \"3601\"}")
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody()
                .jsonPath("$.code").isEqualTo("COMMON_E0422")
                .jsonPath("$.title").isEqualTo("Validation failed")
                .jsonPath("$.errors[?(@.field == 'value')]").exists();

        client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"checkYear\": ")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0400");

        client().post().uri("/api/intake/observations")
                .header("Authorization", token("water-dept"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("3602", "1"))
                .exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1005")
                .jsonPath("$.errors[0].row").isEqualTo(1);

        client().get().uri("/api/intake/observations/{id}", UUID.randomUUID())
                .header("Authorization", token("water-dept"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1008");

        client().get().uri("/api/intake/no-such-thing")
                .header("Authorization", token("water-dept"))
                .exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0404");
    }

    @Test
    void nothingButHealthAnswersWithoutAValidToken() {
        var issuer = TestInfrastructure.get().tokens();
        Map<String, Object> claims = Map.of("sub", "water-dept", "roles", java.util.List.of("DEPARTMENT_SUBMITTER"),
                "department", "water", "areas", java.util.List.of("3601"));
        String expired = issuer.sign(claims, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), issuer.issuer());
        String wrongIssuer = issuer.sign(claims, Instant.now(), Duration.ofHours(1), "http://evil.example");
        String valid = issuer.tokenFor("water-dept");
        String tampered = valid.substring(0, valid.lastIndexOf('.') + 1) + "AAAA" + valid.substring(valid.lastIndexOf('.') + 5);

        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        for (String path : new String[] {"/api/intake/observations?areaCode=3601&checkYear=2025", "/actuator/prometheus",
                "/actuator/metrics", "/api/intake/observations/" + UUID.randomUUID()}) {
            client().get().uri(path).exchange().expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0401");
        }
        for (String bad : new String[] {expired, wrongIssuer, tampered, "not-a-jwt"}) {
            client().post().uri("/api/intake/observations").header("Authorization", "Bearer " + bad)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body("3601", "1"))
                    .exchange().expectStatus().isUnauthorized();
        }
        client().post().uri("/api/intake/observations")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("3601", "1"))
                .exchange().expectStatus().isUnauthorized();
        client().post().uri("/api/intake/observations").header("Authorization", token("nanchang-official"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("3601", "1"))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0403");
        String metrics = client().get().uri("/actuator/prometheus").header("Authorization", token("operator"))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("service=\"data-intake-service\"").contains("tijian_outbox_backlog");
    }
}
