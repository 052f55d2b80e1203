package org.tijian.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Topics;
import org.tijian.kit.catalog.CatalogCopy;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One upload followed by its trace id: the response names it, the import's JSON log lines carry it, the events it
 * published carry it to Kafka, and with an OTLP endpoint configured its spans are exported there (a stand-in
 * collector that records what it is sent).
 */
@TijianIntegrationTest(database = "intake_tracing_it", properties = "logging.structured.format.console=ecs")
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<byte[]> EXPORTED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    @Value("${local.server.port}")
    int port;

    @Autowired
    CatalogCopy catalogCopy;

    private static boolean catalogFilled;

    @DynamicPropertySource
    static void exportToTheCollector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://localhost:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    @BeforeEach
    void fillCatalogCopyOnce() {
        synchronized (TracingIT.class) {
            if (!catalogFilled) {
                IntakeCatalog.fill(catalogCopy);
                catalogFilled = true;
            }
        }
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Test
    void anUploadsTraceReachesItsLogLinesItsEventsAndTheCollector(CapturedOutput output) {
        TraceParent caller = TraceParent.newRoot();

        var response = client("water-dept").post().uri("/api/intake/submissions?checkYear=2041&wait=true")
                .header("traceparent", caller.header())
                .contentType(new MediaType("text", "csv"))
                .bodyValue("dataElement,areaCode,value,unit,note\nU01_COLLECTED,3601,6400,吨/年,\n")
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Batch.class).returnResult();
        Batch batch = response.getResponseBody();
        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(response.getResponseHeaders().getFirst("traceresponse")).startsWith("00-" + caller.traceId() + "-");

        try (KafkaProbe observations = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            var published = observations.await(1, record -> String.valueOf(
                    KafkaProbe.header(record, CloudEventHeaders.TRACEPARENT)).contains(caller.traceId()),
                    Duration.ofSeconds(30));
            assertThat(KafkaProbe.text(published.get(0))).contains(batch.id().toString());
        }

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jsonLines(output))
                .filteredOn(line -> line.path("message").asString("")
                        .startsWith("submission " + batch.id() + " SUCCEEDED"))
                .singleElement()
                .satisfies(line -> assertThat(line.path("traceId").asString()).isEqualTo(caller.traceId())));

        byte[] traceIdOnTheWire = HexFormat.of().parseHex(caller.traceId());
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> EXPORTED.stream().anyMatch(body -> contains(body, traceIdOnTheWire)));
    }

    @Test
    void aRefusedRequestNamesItsTraceInTheProblem() {
        TraceParent caller = TraceParent.newRoot();

        JsonNode problem = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/api/intake/submissions?checkYear=2041")
                .header("traceparent", caller.header())
                .contentType(new MediaType("text", "csv"))
                .bodyValue("dataElement,areaCode,value,unit,note\n")
                .exchange()
                .expectStatus().isUnauthorized()
                .expectBody(JsonNode.class).returnResult().getResponseBody();

        assertThat(problem.path("code").asString()).isEqualTo("COMMON_E0401");
        assertThat(problem.path("traceId").asString()).isEqualTo(caller.traceId());
    }

    @Test
    void requestsWithoutATraceEachStartOneAndSayWhich() {
        String first = traceOfAnUntracedRequest();
        String second = traceOfAnUntracedRequest();

        assertThat(first).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.parseOrNew(second).traceId()).isNotEqualTo(TraceParent.parseOrNew(first).traceId());
    }

    private String traceOfAnUntracedRequest() {
        return client("water-dept").get().uri("/api/intake/submissions")
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult()
                .getResponseHeaders().getFirst("traceresponse");
    }

    private WebTestClient client(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor(user)).build();
    }

    private static List<JsonNode> jsonLines(CapturedOutput output) {
        return output.getOut().lines()
                .filter(line -> line.startsWith("{"))
                .map(line -> {
                    try {
                        return JSON.readTree(line);
                    } catch (RuntimeException notJson) {
                        return null;
                    }
                })
                .filter(node -> node != null)
                .toList();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                EXPORTED.add(exchange.getRequestBody().readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
