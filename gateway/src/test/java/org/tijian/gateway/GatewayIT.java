package org.tijian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;

@TijianIntegrationTest(database = "gateway_it")
class GatewayIT {

    private static final List<String> SEEN_AUTHORIZATION = new CopyOnWriteArrayList<>();
    private static final HttpServer INTAKE = startStubIntake();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("tijian.gateway.intake-uri", () -> "http://localhost:" + INTAKE.getAddress().getPort());
        registry.add("tijian.gateway.ledger-uri", () -> "http://localhost:" + unusedPort());
    }

    @AfterAll
    static void stopStub() {
        INTAKE.stop(0);
    }

    private WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void requestWithoutTokenIsRejectedAtTheDoorAndNeverForwarded() {
        int before = SEEN_AUTHORIZATION.size();

        client().get().uri("/api/intake/observations?areaCode=3601&checkYear=2025").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0401");

        assertThat(SEEN_AUTHORIZATION).hasSize(before);
    }

    @Test
    void callersTokenIsRelayedDownstream() {
        String token = "Bearer " + TestInfrastructure.get().tokens().tokenFor("water-dept");

        client().get().uri("/api/intake/observations?areaCode=3601&checkYear=2025").header("Authorization", token)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stub").isEqualTo("intake");

        assertThat(SEEN_AUTHORIZATION).contains(token);
    }

    @Test
    void serviceThatDoesNotAnswerIsReportedAsUnavailable() {
        client().get().uri("/api/ledger/problems?areaCode=3601&checkYear=2025")
                .header("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("nanchang-official"))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0503");
    }

    @Test
    void healthAnswersWithoutToken() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    private static HttpServer startStubIntake() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 10);
            server.createContext("/api/intake", exchange -> {
                SEEN_AUTHORIZATION.add(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{\"stub\":\"intake\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
