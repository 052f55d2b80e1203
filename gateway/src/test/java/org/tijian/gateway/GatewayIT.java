package org.tijian.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import reactor.core.publisher.Flux;

/**
 * The gateway against stub services: the intake stub answers at once, the evaluation stub never in
 * time, and nothing listens where the ledger should be. Rate limits are counted in the real
 * PostgreSQL so that a second gateway replica shares them.
 */
@TijianIntegrationTest(database = "gateway_it", properties = {
        "tijian.gateway.timeout=PT1S",
        "tijian.gateway.request-limit=1KB",
        "tijian.gateway.upload-limit=4KB",
        "tijian.gateway.rate-limit.window=PT1H",
        "tijian.gateway.rate-limit.clients.operator=4",
        "tijian.gateway.console-origins=https://console.example.cn"})
@ExtendWith(OutputCaptureExtension.class)
class GatewayIT {

    private static final List<String> SEEN_AUTHORIZATION = new CopyOnWriteArrayList<>();
    private static final List<String> SEEN_TRACEPARENT = new CopyOnWriteArrayList<>();
    private static final CountDownLatch NEVER = new CountDownLatch(1);
    private static final HttpServer INTAKE = startStub("/api/intake", false);
    private static final HttpServer EVALUATION = startStub("/api/evaluation", true);

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("tijian.gateway.intake-uri", () -> "http://localhost:" + INTAKE.getAddress().getPort());
        registry.add("tijian.gateway.evaluation-uri", () -> "http://localhost:" + EVALUATION.getAddress().getPort());
        registry.add("tijian.gateway.ledger-uri", () -> "http://localhost:" + unusedPort());
    }

    @AfterAll
    static void stopStubs() {
        NEVER.countDown();
        INTAKE.stop(0);
        EVALUATION.stop(0);
    }

    private WebTestClient client() {
        return client(port);
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static String bearer(String user) {
        return "Bearer " + TestInfrastructure.get().tokens().tokenFor(user);
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
    void expiredTamperedAndForeignTokensAreRejected() {
        var tokens = TestInfrastructure.get().tokens();
        DemoUser water = DemoUser.standalone().stream().filter(u -> u.username().equals("water-dept")).findFirst().orElseThrow();
        Map<String, Object> claims = Map.of("sub", "water-dept", "roles", List.of("DEPARTMENT_SUBMITTER"),
                "areas", List.of("3601"), "department", "water");
        String expired = tokens.sign(claims, Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1), tokens.issuer());
        String foreign = tokens.sign(claims, Instant.now(), Duration.ofHours(1), "https://issuer.example.com");
        String valid = tokens.tokenFor(water, Duration.ofHours(1));
        String tampered = valid.substring(0, valid.lastIndexOf('.') - 4) + "AAAA" + valid.substring(valid.lastIndexOf('.'));

        for (String token : List.of(expired, foreign, tampered, "not-a-jwt")) {
            client().get().uri("/api/intake/observations").header("Authorization", "Bearer " + token).exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0401");
        }
    }

    @Test
    void callersTokenAndTraceAreRelayedDownstreamAndLogged(CapturedOutput output) {
        String token = bearer("water-dept");
        TraceParent caller = TraceParent.newRoot();

        var response = client().get().uri("/api/intake/observations?areaCode=3601&checkYear=2025")
                .header("Authorization", token)
                .header("traceparent", caller.header())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stub").isEqualTo("/api/intake").returnResult();

        assertThat(SEEN_AUTHORIZATION).contains(token);
        // the service gets the caller's trace, under the gateway's own span
        assertThat(SEEN_TRACEPARENT).anySatisfy(header -> {
            assertThat(header).startsWith("00-" + caller.traceId() + "-");
            assertThat(header).doesNotContain(caller.spanId());
        });
        assertThat(response.getResponseHeaders().getFirst("traceresponse")).startsWith("00-" + caller.traceId() + "-");
        // the access log is written once the response has gone out, so possibly just after the client has it
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> output.getOut().lines().anyMatch(line ->
                        line.contains("water-dept GET /api/intake/observations 200") && line.contains(caller.traceId())));
    }

    @Test
    void stoppedServiceIsNamedInAProblemWhileOtherRoutesKeepWorking() {
        client().get().uri("/api/ledger/problems?areaCode=3601&checkYear=2025")
                .header("Authorization", bearer("nanchang-official"))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.code").isEqualTo("GATEWAY_E0503")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("ledger-service"));

        client().get().uri("/api/intake/observations").header("Authorization", bearer("nanchang-official"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void slowServiceIsCutAtItsTimeLimitWhileOtherRoutesKeepWorking() {
        var slow = client().get().uri("/api/evaluation/results?areaCode=3601&checkYear=2025")
                .header("Authorization", bearer("nanchang-official"));
        long started = System.nanoTime();

        slow.exchange().expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("GATEWAY_E0504")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("evaluation-service"));

        // the stub never answers: anything but a cut would have run into the client's 20 s
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        client().get().uri("/api/intake/observations").header("Authorization", bearer("nanchang-official"))
                .exchange().expectStatus().isOk();
    }

    @Test
    void declaredOversizedBodyIsRefusedBeforeTheService() {
        int before = SEEN_AUTHORIZATION.size();

        client().post().uri("/api/intake/submissions?checkYear=2025").header("Authorization", bearer("water-dept"))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x".repeat(5 * 1024))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.code").isEqualTo("GATEWAY_E0413")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("4 KB"));

        assertThat(SEEN_AUTHORIZATION).hasSize(before);
    }

    @Test
    void streamedOversizedBodyIsRefusedOnceItPassesTheLimit() {
        Flux<DataBuffer> body = Flux.range(0, 8).map(i -> DefaultDataBufferFactory.sharedInstance
                .wrap("y".repeat(1024).getBytes(StandardCharsets.UTF_8)));

        client().post().uri("/api/intake/submissions?checkYear=2025").header("Authorization", bearer("water-dept"))
                .contentType(MediaType.TEXT_PLAIN).body(body, DataBuffer.class)
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.code").isEqualTo("GATEWAY_E0413");
    }

    @Test
    void bodyWithinTheRoutesLimitPasses() {
        client().post().uri("/api/intake/submissions?checkYear=2025").header("Authorization", bearer("water-dept"))
                .contentType(MediaType.TEXT_PLAIN).bodyValue("x".repeat(3 * 1024))
                .exchange().expectStatus().isOk();
    }

    @Test
    void rateLimitHoldsAcrossReplicas() {
        try (ConfigurableApplicationContext second = secondReplica()) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            String token = bearer("operator");
            for (int replicaPort : List.of(port, secondPort, port, secondPort)) {
                client(replicaPort).get().uri("/api/intake/observations").header("Authorization", token)
                        .exchange().expectStatus().isOk();
            }

            for (int replicaPort : List.of(port, secondPort)) {
                client(replicaPort).get().uri("/api/intake/observations").header("Authorization", token)
                        .exchange().expectStatus().isEqualTo(429)
                        .expectHeader().value("Retry-After", retry -> assertThat(Long.parseLong(retry)).isPositive())
                        .expectBody().jsonPath("$.code").isEqualTo("GATEWAY_E0429");
            }
            // another client is not affected
            client(secondPort).get().uri("/api/intake/observations").header("Authorization", bearer("water-dept"))
                    .exchange().expectStatus().isOk();
        }
    }

    @Test
    void apiKeyIsExchangedForATokenAndStopsAtOnceWhenRevoked() {
        var issued = client().post().uri("/api/gateway/api-keys").header("Authorization", bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "南昌市水务局数据接口", "department", "water", "areas", List.of("3601")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        String key = (String) issued.get("key");
        String id = (String) ((Map<?, ?>) issued.get("apiKey")).get("id");
        assertThat(key).startsWith("tjk_");

        String token = exchange(key);
        client().get().uri("/api/intake/observations").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isOk();
        client().get().uri("/api/gateway/api-keys").header("Authorization", bearer("operator")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + id + "')].lastUsedAt").isNotEmpty()
                .jsonPath("$[?(@.id == '" + id + "')].department").isEqualTo("water");

        client().post().uri("/api/gateway/api-keys/" + id + "/revocation").header("Authorization", bearer("admin"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "接口改由新系统报送"))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.revokeReason").isEqualTo("接口改由新系统报送");

        client().get().uri("/api/intake/observations").header("Authorization", "Bearer " + token)
                .exchange().expectStatus().isUnauthorized();
        client().post().uri("/auth/api-keys/token").header("X-API-Key", key).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("GATEWAY_E0401");
    }

    @Test
    void onlyAdministratorsIssueApiKeys() {
        client().post().uri("/api/gateway/api-keys").header("Authorization", bearer("water-dept"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "x", "department", "water", "areas", List.of("3601")))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("COMMON_E0403");
        client().post().uri("/auth/api-keys/token").header("X-API-Key", "tjk_guess").exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void corsAllowsOnlyTheConsolesOrigin() {
        client().options().uri("/api/ledger/problems")
                .header("Origin", "https://console.example.cn").header("Access-Control-Request-Method", "GET")
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Access-Control-Allow-Origin", "https://console.example.cn");
        client().options().uri("/api/ledger/problems")
                .header("Origin", "https://elsewhere.example.com").header("Access-Control-Request-Method", "GET")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void apiDocumentationIsPublished() {
        client().get().uri("/api/gateway/openapi").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/gateway/api-keys']").exists();
        client().get().uri("/api-docs").exchange().expectStatus().isFound();
        client().get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void healthAnswersWithoutToken() {
        client().get().uri("/actuator/health").exchange().expectStatus().isOk();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }

    private String exchange(String key) {
        Map<?, ?> token = client().post().uri("/auth/api-keys/token").header("X-API-Key", key).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(token.get("token_type")).isEqualTo("Bearer");
        return (String) token.get("access_token");
    }

    private ConfigurableApplicationContext secondReplica() {
        List<String> properties = new java.util.ArrayList<>(TestInfrastructure.get().serviceProperties("gateway_it"));
        properties.addAll(List.of("server.port=0",
                "tijian.gateway.rate-limit.window=PT1H",
                "tijian.gateway.rate-limit.clients.operator=4",
                "tijian.gateway.intake-uri=http://localhost:" + INTAKE.getAddress().getPort()));
        // its own Netty resources: closing it must not take down the first replica's shared event loops
        return new SpringApplicationBuilder(GatewayApplication.class)
                .initializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                    @Override
                    public Object postProcessBeforeInitialization(Object bean, String name) {
                        if (bean instanceof ReactorResourceFactory resources) {
                            resources.setUseGlobalResources(false);
                        }
                        return bean;
                    }
                }))
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    private static HttpServer startStub(String prefix, boolean neverAnswers) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 50);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext(prefix, exchange -> {
                SEEN_AUTHORIZATION.add(exchange.getRequestHeaders().getFirst("Authorization"));
                SEEN_TRACEPARENT.add(String.valueOf(exchange.getRequestHeaders().getFirst("traceparent")));
                exchange.getRequestBody().readAllBytes();
                if (neverAnswers) {
                    try {
                        NEVER.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                byte[] body = ("{\"stub\":\"" + prefix + "\"}").getBytes(StandardCharsets.UTF_8);
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
