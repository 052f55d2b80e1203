package org.tijian.evaluation.area;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import org.tijian.testing.areas.GeneratedProvince;

/**
 * Not a test: prints figures. Imports a generated Jiangxi of about 2.06 million areas and times
 * reading one area with its children (the console's drill-down) at random places in the tree, first
 * while the relay still publishes the import's events, then on a quiet tree; and reading one
 * indicator with its standards and the standard that applies to an area.
 * Run: {@code ./mvnw -pl evaluation-service -am verify -Pbenchmark}
 */
@TijianIntegrationTest(database = "evaluation_area_benchmark")
class AreaTreeBenchmark {

    private static final GeneratedProvince PROVINCE = GeneratedProvince.perStreet(5, 8, 28);
    private static final int READS = 2_000;

    @Value("${local.server.port}")
    int port;

    @Autowired
    DatabaseClient db;

    @Test
    void importAndReadAProvinceDownToBuildings() throws Exception {
        WebTestClient admin = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofMinutes(2))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("admin")).build();
        Path csv = PROVINCE.writeCsv(Files.createTempFile("province-", ".csv"), StandardCharsets.UTF_8);

        long started = System.nanoTime();
        ImportJob accepted = admin.post().uri("/api/evaluation/area-imports").contentType(new MediaType("text", "csv"))
                .body(BodyInserters.fromResource(new FileSystemResource(csv))).exchange().expectStatus().isAccepted()
                .expectBody(ImportJob.class).returnResult().getResponseBody();
        ImportJob job = Awaitility.await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> admin.get().uri("/api/evaluation/area-imports/{id}", accepted.id()).exchange()
                        .expectBody(ImportJob.class).returnResult().getResponseBody(), j -> j.status() != ImportJob.Status.RUNNING);
        double importSeconds = (System.nanoTime() - started) / 1e9;
        Files.delete(csv);

        List<String> streets = GeneratedProvince.realDivisions().stream().filter(r -> r[2].equals("STREET"))
                .map(r -> r[0]).toList();
        Random random = new Random(42);
        List<String> probes = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            String street = streets.get(random.nextInt(streets.size()));
            probes.add(switch (i % 4) {
                case 0 -> street;
                case 1 -> street + "%03d".formatted(1 + random.nextInt(5));
                case 2 -> street + "%03d%03d".formatted(1 + random.nextInt(5), 1 + random.nextInt(8));
                default -> street.substring(0, 6);
            });
        }
        Stats busy = measure(admin, "/api/evaluation/areas/{code}", probes);
        long unpublished = unpublished();
        long waitStarted = System.nanoTime();
        Awaitility.await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(2)).until(() -> unpublished() == 0);
        double relaySeconds = (System.nanoTime() - waitStarted) / 1e9;
        Stats quiet = measure(admin, "/api/evaluation/areas/{code}", probes);
        List<String> indicators = List.of("U01", "U15", "U27", "H02", "C05", "B01");
        List<String> indicatorReads = new ArrayList<>();
        for (int i = 0; i < READS; i++) {
            indicatorReads.add(indicators.get(i % indicators.size()) + "?year=2025&area=" + probes.get(i));
        }
        Stats indicator = measure(admin, "/api/evaluation/indicators/{code}", indicatorReads);

        System.out.printf("%n=== Area tree benchmark (%s) ===%n", job.status());
        System.out.printf("areas in file               %,d%n", job.rowsRead());
        System.out.printf("import (upload to SUCCEEDED) %.1f s = %,.0f areas/s%n", importSeconds, job.rowsRead() / importSeconds);
        System.out.printf("read area + children while the relay publishes (%,d events left): %s%n", unpublished, busy);
        System.out.printf("relay drained the rest in %.1f s%n", relaySeconds);
        System.out.printf("read area + children, quiet tree:  %s%n", quiet);
        System.out.printf("read indicator + standards + the standard for an area (city lookup), quiet: %s%n", indicator);
    }

    private long unpublished() {
        return db.sql("select count(*) as n from outbox_event where published_at is null")
                .map(row -> row.get("n", Long.class)).one().block();
    }

    /** Reads each path once (the first 200 twice, to warm up) over HTTP and returns the latencies. */
    private static Stats measure(WebTestClient client, String template, List<String> variables) {
        for (String variable : variables.subList(0, 200)) {
            client.get().uri(template.replace("{code}", variable)).exchange().expectStatus().isOk().expectBody().returnResult();
        }
        long[] micros = new long[variables.size()];
        for (int i = 0; i < variables.size(); i++) {
            long t0 = System.nanoTime();
            client.get().uri(template.replace("{code}", variables.get(i))).exchange().expectStatus().isOk()
                    .expectBody().returnResult();
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(micros);
        return new Stats(micros);
    }

    record Stats(long[] sortedMicros) {

        @Override
        public String toString() {
            int n = sortedMicros.length;
            return "%d reads over HTTP: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms".formatted(n,
                    sortedMicros[n / 2] / 1000.0, sortedMicros[n * 95 / 100] / 1000.0, sortedMicros[n * 99 / 100] / 1000.0,
                    sortedMicros[n - 1] / 1000.0);
        }
    }
}
