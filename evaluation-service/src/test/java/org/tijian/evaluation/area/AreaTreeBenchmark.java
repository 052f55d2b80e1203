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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import org.tijian.testing.areas.GeneratedProvince;

/**
 * Not a test: prints figures. Imports a generated Jiangxi of about 2.06 million areas and times
 * reading one area with its children (the console's drill-down) at random places in the tree.
 * Run: {@code ./mvnw -pl evaluation-service -am verify -Pbenchmark}
 */
@TijianIntegrationTest(database = "evaluation_area_benchmark")
class AreaTreeBenchmark {

    private static final GeneratedProvince PROVINCE = GeneratedProvince.perStreet(5, 8, 28);
    private static final int READS = 2_000;

    @Value("${local.server.port}")
    int port;

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
        for (String code : probes.subList(0, 200)) {
            admin.get().uri("/api/evaluation/areas/{code}", code).exchange().expectStatus().isOk().expectBody().returnResult();
        }
        long[] micros = new long[READS];
        for (int i = 0; i < READS; i++) {
            long t0 = System.nanoTime();
            admin.get().uri("/api/evaluation/areas/{code}", probes.get(i)).exchange().expectStatus().isOk()
                    .expectBody().returnResult();
            micros[i] = (System.nanoTime() - t0) / 1_000;
        }
        Arrays.sort(micros);

        System.out.printf("%n=== Area tree benchmark (%s) ===%n", job.status());
        System.out.printf("areas in file               %,d%n", job.rowsRead());
        System.out.printf("import (upload to SUCCEEDED) %.1f s = %,.0f areas/s%n", importSeconds, job.rowsRead() / importSeconds);
        System.out.printf("read area + children, %d reads over HTTP: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                READS, micros[READS / 2] / 1000.0, micros[READS * 95 / 100] / 1000.0, micros[READS * 99 / 100] / 1000.0,
                micros[READS - 1] / 1000.0);
    }
}
