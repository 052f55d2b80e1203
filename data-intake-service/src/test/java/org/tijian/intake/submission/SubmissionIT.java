package org.tijian.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tijian.intake.submission.IntakeCatalog.COMMUNITY;
import static org.tijian.intake.submission.IntakeCatalog.COMPOUND;
import static org.tijian.intake.submission.IntakeCatalog.OTHER_COMPOUND;
import static org.tijian.intake.submission.IntakeCatalog.STREET;
import static org.tijian.intake.submission.IntakeCatalog.building;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Topics;
import org.tijian.contracts.intake.FindingReported;
import org.tijian.contracts.intake.ObservationAccepted;
import org.tijian.contracts.intake.ObservationWithdrawn;
import org.tijian.contracts.intake.PublicFeedbackReported;
import org.tijian.contracts.intake.SubmissionAccepted;
import org.tijian.intake.observation.Observation;
import org.tijian.kit.catalog.CatalogCopy;
import org.tijian.kit.imports.ImportSummary;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch intake against a real PostgreSQL and Kafka: formats and encodings, every row error code, atomic and
 * partial acceptance, dry runs, the four import strategies, idempotency keys, async jobs with progress,
 * item-level findings with their coverage, public feedback, submission windows and review locks. Each test
 * works in a check year of its own so that tests never see each other's data.
 */
@TijianIntegrationTest(database = "intake_submission_it")
class SubmissionIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CITY = "3601";
    private static final String VALUES_HEADER = "dataElement,areaCode,value,unit,note\n";

    @Value("${local.server.port}")
    int port;

    @Autowired
    CatalogCopy catalogCopy;

    @Autowired
    DatabaseClient db;

    private static boolean catalogFilled;

    @BeforeEach
    void fillCatalogCopyOnce() {
        synchronized (SubmissionIT.class) {
            if (!catalogFilled) {
                IntakeCatalog.fill(catalogCopy);
                catalogFilled = true;
            }
        }
    }

    private WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(60))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor(user)).build();
    }

    private WebTestClient.ResponseSpec upload(String user, String query, MediaType type, byte[] body, String key) {
        WebTestClient.RequestBodySpec request = as(user).post().uri("/api/intake/submissions?" + query).contentType(type);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.bodyValue(body).exchange();
    }

    private Batch submit(String user, String query, String csv) {
        return upload(user, query, new MediaType("text", "csv"), csv.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
    }

    private static Map<String, Long> counts(Batch batch) {
        return batch.errors().stream().collect(Collectors.toMap(ImportSummary.Group::code, ImportSummary.Group::count));
    }

    private static ImportSummary.Group group(Batch batch, String code) {
        return batch.errors().stream().filter(g -> g.code().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError("no " + code + " in " + batch.errors()));
    }

    private long storedRows(int checkYear) {
        return db.sql("select count(*) as n from observation where check_year = :year").bind("year", checkYear)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private static <T> T event(ConsumerRecord<String, byte[]> record, Class<T> type) {
        return JSON.readValue(record.value(), type);
    }

    private static boolean ofBatch(ConsumerRecord<String, byte[]> record, UUID batch) {
        return KafkaProbe.text(record).contains(batch.toString());
    }

    @Test
    void csvValuesAreStoredWithTheirLineageAndPublishedKeyedByArea() {
        int year = 2031;
        Batch batch = submit("water-dept", "checkYear=" + year + "&sourceMethod=department_statistics",
                VALUES_HEADER + "U01_COLLECTED,3601,\"6,400\",吨/年,污水处理厂年报\nU01_PRODUCED,3601,10000,,\n");

        assertThat(batch.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(batch.rowsRead()).isEqualTo(2);
        assertThat(batch.created()).isEqualTo(2);
        assertThat(batch.department()).isEqualTo("water");
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            var records = probe.await(2, r -> ofBatch(r, batch.id()), Duration.ofSeconds(30));
            assertThat(records).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(CITY);
                assertThat(KafkaProbe.header(r, CloudEventHeaders.TYPE)).isEqualTo("org.tijian.intake.ObservationAccepted.v1");
            });
            ObservationAccepted collected = records.stream().map(r -> event(r, ObservationAccepted.class))
                    .filter(e -> e.dataElement().equals("U01_COLLECTED")).findFirst().orElseThrow();
            assertThat(collected.value()).isEqualByComparingTo("6400");
            assertThat(collected.unit()).isEqualTo("吨/年");
            assertThat(collected.batchId()).isEqualTo(batch.id());
            assertThat(collected.rowNo()).isEqualTo(2);
            assertThat(collected.revision()).isEqualTo(1);
            assertThat(collected.sourceMethod()).isEqualTo("DEPARTMENT_STATISTICS");
            assertThat(collected.submittedBy()).isEqualTo("water-dept");
            ObservationAccepted produced = records.stream().map(r -> event(r, ObservationAccepted.class))
                    .filter(e -> e.dataElement().equals("U01_PRODUCED")).findFirst().orElseThrow();
            assertThat(produced.unit()).as("a missing unit is the data element's").isEqualTo("吨/年");
            assertThat(produced.rowNo()).isEqualTo(3);
        }
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_SUBMISSIONS)) {
            SubmissionAccepted accepted = event(probe.await(1, r -> r.key().equals(batch.id().toString()),
                    Duration.ofSeconds(30)).get(0), SubmissionAccepted.class);
            assertThat(accepted.created()).isEqualTo(2);
            assertThat(accepted.department()).isEqualTo("water");
        }
        List<Observation> stored = as("nanchang-official").get()
                .uri("/api/intake/observations?areaCode=3601&checkYear={year}", year).exchange().expectStatus().isOk()
                .expectBodyList(Observation.class).returnResult().getResponseBody();
        assertThat(stored).extracting(Observation::batchId).containsOnly(batch.id());
        assertThat(stored).extracting(Observation::rowNo).containsExactlyInAnyOrder(2, 3);
    }

    @Test
    void gbkAndBomFilesWithChineseHeadersAreRead() {
        String rows = "数据项,区域代码,数值,单位,备注\nU20_PUMPING_CAPACITY,3601,12.5,万立方米/小时,泵站统计\n";
        byte[] gbk = rows.getBytes(Charset.forName("GBK"));
        Batch fromGbk = upload("water-dept", "checkYear=2032", new MediaType("text", "csv"), gbk, null)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(fromGbk.status()).as("%s", fromGbk).isEqualTo(BatchStatus.SUCCEEDED);

        byte[] bom = ("\uFEFF" + rows.replace("12.5", "13")).getBytes(StandardCharsets.UTF_8);
        Batch fromBom = upload("water-dept", "checkYear=2032", new MediaType("text", "csv"), bom, null)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(fromBom.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(fromBom.updated()).as("the BOM file corrects the GBK file's value").isEqualTo(1);
        List<Observation> history = as("nanchang-official").get()
                .uri("/api/intake/observations/history?checkYear=2032&areaCode=3601&subject=U20_PUMPING_CAPACITY")
                .exchange().expectBodyList(Observation.class).returnResult().getResponseBody();
        assertThat(history).extracting(Observation::note).containsOnly("泵站统计");
        assertThat(history).extracting(o -> o.value().toPlainString(), Observation::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("13", Observation.Status.CURRENT),
                org.assertj.core.groups.Tuple.tuple("12.5", Observation.Status.SUPERSEDED));
    }

    @Test
    void jsonAndXlsxSubmissionsAreReadLikeCsv() throws Exception {
        byte[] json = """
                [{"dataElement": "U21_EMERGENCY_SUPPLY", "areaCode": "3601", "value": 30, "unit": "万立方米/日"},
                 {"dataElement": "U21_DAILY_DEMAND", "areaCode": "3601", "value": "200"}]""".getBytes(StandardCharsets.UTF_8);
        Batch fromJson = upload("water-dept", "checkYear=2033", MediaType.APPLICATION_JSON, json, null)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(fromJson.status()).as("%s", fromJson).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(fromJson.created()).isEqualTo(2);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            var sheet = workbook.createSheet("报送");
            String[][] cells = {{"数据项", "区域代码", "数值"}, {"U21_EMERGENCY_SUPPLY", "3601", "35"},
                    {"U21_DAILY_DEMAND", "3601", "oops"}};
            for (int r = 0; r < cells.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cells[r].length; c++) {
                    if (r > 0 && c == 2 && !cells[r][c].equals("oops")) {
                        row.createCell(c).setCellValue(Double.parseDouble(cells[r][c]));
                    } else {
                        row.createCell(c).setCellValue(cells[r][c]);
                    }
                }
            }
            workbook.write(xlsx);
        }
        Batch fromXlsx = upload("water-dept", "checkYear=2033&atomic=false&fileName=报送.xlsx",
                MediaType.APPLICATION_OCTET_STREAM, xlsx.toByteArray(), null)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(fromXlsx.format()).isEqualTo("XLSX");
        assertThat(fromXlsx.status()).isEqualTo(BatchStatus.PARTIALLY_ACCEPTED);
        assertThat(fromXlsx.updated()).isEqualTo(1);
        assertThat(group(fromXlsx, "INTAKE_E1116").rows()).containsExactly(new ImportSummary.Row(3, "oops"));
    }

    /** One file with a row for every row-level error code; atomic, so nothing of it is stored. */
    @Test
    void everyRowErrorIsReportedWithItsCodeAndRowAndAnAtomicBatchStoresNothing() {
        int year = 2034;
        as("nanchang-official").post().uri("/api/intake/review-locks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("checkYear", year, "areaCode", "360103", "reason", "已审核"))
                .exchange().expectStatus().isCreated();
        String csv = VALUES_HEADER
                + "U01_COLLECTED,3601,6400,吨/年,fine\n"              // 2 valid
                + "NO_SUCH_ELEMENT,3601,1,,\n"                          // 3 E1101
                + "U01_PRODUCED,3601999,1,,\n"                          // 4 E1103 unknown area
                + "U01_PRODUCED,3602,1,,\n"                             // 5 E1005 outside scope (and unknown here)
                + "U13_NEW_PROTECTED_OBJECTS,3601,3,,\n"                // 6 E1105 housing's element
                + "U01_PRODUCED,3601,1,吨,\n"                           // 7 E1106 wrong unit
                + "U20_PUMPING_CAPACITY,3601,-4,,\n"                    // 8 E1108 out of range
                + "U01_COLLECTED,3601,6500,,\n"                         // 9 E1109 duplicate of row 2
                + "U01_PRODUCED,,1,,\n"                                 // 10 E1115 missing area
                + "U01_PRODUCED,3601,lots,,\n"                          // 11 E1116 malformed value
                + "U01_PRODUCED,36-01,1,,\n"                            // 12 E1002 malformed area code
                + "U01 PRODUCED,3601,1,,\n"                             // 13 E1126 malformed code
                + "U20_PUMPING_CAPACITY,360103,1,,\n"                   // 14 E1112 locked by review
                + "U01_PRODUCED,3601,1\n";                              // 15 E1117 wrong cell count
        Batch batch = submit("water-dept", "checkYear=" + year, csv);

        assertThat(batch.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(batch.rowsRead()).isEqualTo(14);
        assertThat(batch.rejected()).isEqualTo(13);
        assertThat(batch.created()).isZero();
        assertThat(counts(batch)).containsEntry("INTAKE_E1101", 1L).containsEntry("INTAKE_E1103", 2L)
                .containsEntry("INTAKE_E1005", 1L).containsEntry("INTAKE_E1105", 1L).containsEntry("INTAKE_E1106", 1L)
                .containsEntry("INTAKE_E1108", 1L).containsEntry("INTAKE_E1109", 1L).containsEntry("INTAKE_E1115", 1L)
                .containsEntry("INTAKE_E1116", 1L).containsEntry("INTAKE_E1002", 1L).containsEntry("INTAKE_E1126", 1L)
                .containsEntry("INTAKE_E1112", 1L).containsEntry("INTAKE_E1117", 1L);
        assertThat(group(batch, "INTAKE_E1103").rows()).extracting(ImportSummary.Row::row).containsExactly(4, 5);
        assertThat(group(batch, "INTAKE_E1109").rows()).containsExactly(new ImportSummary.Row(9, "3601 U01_COLLECTED"));
        assertThat(group(batch, "INTAKE_E1101").meaningZh()).isEqualTo("未知数据项 {0}");
        assertThat(storedRows(year)).isZero();

        Batch counted = submit("housing-dept", "checkYear=" + year,
                VALUES_HEADER + "U13_NEW_PROTECTED_OBJECTS,3601,2.5,,\n");
        assertThat(counts(counted)).containsOnlyKeys("INTAKE_E1107");
    }

    @Test
    void partialAcceptanceStoresTheValidRowsAndListsTheRest() {
        int year = 2035;
        Batch batch = submit("water-dept", "checkYear=" + year + "&atomic=false", VALUES_HEADER
                + "U01_COLLECTED,3601,6400,,\nNO_SUCH_ELEMENT,3601,1,,\nU01_PRODUCED,3601,10000,,\n");
        assertThat(batch.status()).isEqualTo(BatchStatus.PARTIALLY_ACCEPTED);
        assertThat(batch.created()).isEqualTo(2);
        assertThat(batch.rejected()).isEqualTo(1);
        assertThat(group(batch, "INTAKE_E1101").rows()).containsExactly(new ImportSummary.Row(3, "NO_SUCH_ELEMENT"));
        assertThat(storedRows(year)).isEqualTo(2);
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndChangesNothing() {
        int year = 2036;
        String csv = VALUES_HEADER + "U01_COLLECTED,3601,6400,,\nU01_PRODUCED,3601,10000,,\n";
        String key = UUID.randomUUID().toString();
        Batch dry = upload("water-dept", "checkYear=" + year + "&dryRun=true", new MediaType("text", "csv"),
                csv.getBytes(StandardCharsets.UTF_8), key)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(dry.dryRun()).isTrue();
        assertThat(dry.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(dry.created()).isEqualTo(2);
        assertThat(dry.message()).contains("dry run");
        assertThat(storedRows(year)).isZero();

        Batch real = upload("water-dept", "checkYear=" + year, new MediaType("text", "csv"),
                csv.getBytes(StandardCharsets.UTF_8), key)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(real.id()).as("the dry run did not use up the key").isNotEqualTo(dry.id());
        assertThat(storedRows(year)).isEqualTo(2);
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            probe.await(2, r -> ofBatch(r, real.id()), Duration.ofSeconds(30));
            assertThat(probe.drain(r -> ofBatch(r, dry.id()), Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void strategiesCreateUpdateCorrectAndWithdrawKeepingHistory() {
        int year = 2037;
        String original = VALUES_HEADER + "U01_COLLECTED,3601,6400,,\n";
        assertThat(submit("water-dept", "checkYear=" + year + "&strategy=CREATE", original).created()).isEqualTo(1);

        Batch again = submit("water-dept", "checkYear=" + year + "&strategy=create", original);
        assertThat(counts(again)).containsOnlyKeys("INTAKE_E1113");
        Batch updateOfNothing = submit("water-dept", "checkYear=" + year + "&strategy=UPDATE",
                VALUES_HEADER + "U01_PRODUCED,3601,10000,,\n");
        assertThat(counts(updateOfNothing)).containsOnlyKeys("INTAKE_E1114");

        Batch unchanged = submit("water-dept", "checkYear=" + year + "&strategy=CREATE_AND_UPDATE", original);
        assertThat(unchanged.unchanged()).isEqualTo(1);
        assertThat(unchanged.created() + unchanged.updated()).isZero();

        Batch correction = submit("water-dept", "checkYear=" + year + "&strategy=UPDATE",
                VALUES_HEADER + "U01_COLLECTED,3601,7000,,更正\n");
        assertThat(correction.updated()).isEqualTo(1);
        Batch withdrawal = submit("water-dept", "checkYear=" + year + "&strategy=DELETE",
                "dataElement,areaCode\nU01_COLLECTED,3601\n");
        assertThat(withdrawal.withdrawn()).isEqualTo(1);

        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            ObservationAccepted corrected = event(probe.await(1, r -> ofBatch(r, correction.id()), Duration.ofSeconds(30))
                    .get(0), ObservationAccepted.class);
            assertThat(corrected.value()).isEqualByComparingTo("7000");
            assertThat(corrected.revision()).isEqualTo(2);
            assertThat(corrected.supersedes()).isNotNull();
            var withdrawn = probe.await(1, r -> ofBatch(r, withdrawal.id()), Duration.ofSeconds(30)).get(0);
            assertThat(KafkaProbe.header(withdrawn, CloudEventHeaders.TYPE))
                    .isEqualTo("org.tijian.intake.ObservationWithdrawn.v1");
            assertThat(event(withdrawn, ObservationWithdrawn.class).observationId()).isEqualTo(corrected.observationId());
            assertThat(probe.drain(r -> ofBatch(r, unchanged.id()), Duration.ofSeconds(1)))
                    .as("an unchanged value is not published again").isEmpty();
        }
        List<Observation> history = as("water-dept").get()
                .uri("/api/intake/observations/history?checkYear={y}&areaCode=3601&subject=U01_COLLECTED", year)
                .exchange().expectBodyList(Observation.class).returnResult().getResponseBody();
        assertThat(history).extracting(Observation::revision, Observation::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2, Observation.Status.WITHDRAWN),
                org.assertj.core.groups.Tuple.tuple(1, Observation.Status.SUPERSEDED));
    }

    @Test
    void concurrentBatchesForTheSameValuesAreMergedOneAfterAnother() throws Exception {
        int year = 2046;
        int batches = 6;
        List<java.util.concurrent.CompletableFuture<Batch>> running = new java.util.ArrayList<>();
        for (int i = 0; i < batches; i++) {
            String csv = VALUES_HEADER + "U01_COLLECTED,3601," + (6400 + i) + ",,\nU01_PRODUCED,3601," + (9000 + i) + ",,\n";
            running.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> submit("water-dept", "checkYear=" + year, csv)));
        }
        List<Batch> finished = new java.util.ArrayList<>();
        for (var batch : running) {
            finished.add(batch.get());
        }
        assertThat(finished).extracting(Batch::status).containsOnly(BatchStatus.SUCCEEDED);
        assertThat(finished.stream().mapToLong(Batch::created).sum()).isEqualTo(2);
        assertThat(finished.stream().mapToLong(Batch::updated).sum()).isEqualTo(2 * (batches - 1));
        List<Observation> history = as("water-dept").get()
                .uri("/api/intake/observations/history?checkYear={y}&areaCode=3601&subject=U01_COLLECTED", year)
                .exchange().expectBodyList(Observation.class).returnResult().getResponseBody();
        assertThat(history).extracting(Observation::revision)
                .containsExactlyElementsOf(java.util.stream.IntStream.iterate(batches, r -> r - 1).limit(batches).boxed().toList());
        assertThat(history).extracting(Observation::status).containsOnlyOnce(Observation.Status.CURRENT);
    }

    @Test
    void aRetriedUploadWithTheSameIdempotencyKeyIsAcceptedOnce() {
        int year = 2038;
        String key = UUID.randomUUID().toString();
        byte[] csv = (VALUES_HEADER + "U01_COLLECTED,3601,6400,,\n").getBytes(StandardCharsets.UTF_8);
        Batch first = upload("water-dept", "checkYear=" + year, new MediaType("text", "csv"), csv, key)
                .expectStatus().isCreated().expectBody(Batch.class).returnResult().getResponseBody();
        Batch retried = upload("water-dept", "checkYear=" + year, new MediaType("text", "csv"), csv, key)
                .expectStatus().isOk().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(retried.id()).isEqualTo(first.id());
        upload("water-dept", "checkYear=" + year, new MediaType("text", "csv"),
                (VALUES_HEADER + "U01_COLLECTED,3601,6500,,\n").getBytes(StandardCharsets.UTF_8), key)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1007");
        assertThat(storedRows(year)).isEqualTo(1);
    }

    @Test
    void aLargeUploadRunsAsAJobWhoseProgressCanBeFollowed() {
        int year = 2039;
        StringBuilder csv = new StringBuilder(VALUES_HEADER);
        List<String> compounds = db.sql("select code from area_copy where level = 'COMPOUND' order by code")
                .map(row -> row.get("code", String.class)).all().collectList().block();
        int rows = 0;
        for (String compound : compounds) {
            csv.append("C05_PARKING_SHORTFALL,").append(compound).append(',').append(rows % 40).append(",个,\n");
            rows++;
        }
        Batch running = upload("housing-dept", "checkYear=" + year + "&wait=false", new MediaType("text", "csv"),
                csv.toString().getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isAccepted().expectHeader().exists("Location")
                .expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(running.status()).isEqualTo(BatchStatus.RUNNING);

        List<ServerSentEvent<Batch>> events = as("housing-dept").get()
                .uri("/api/intake/submissions/{id}/events", running.id()).accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<Batch>>() { })
                .getResponseBody().collectList().block(Duration.ofMinutes(2));
        assertThat(events).isNotEmpty();
        ServerSentEvent<Batch> last = events.get(events.size() - 1);
        assertThat(last.event()).isEqualTo("finished");
        assertThat(last.data().status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(last.data().created()).isEqualTo(rows);
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.event()).isEqualTo("progress"));

        Batch polled = as("housing-dept").get().uri("/api/intake/submissions/{id}", running.id()).exchange()
                .expectStatus().isOk().expectBody(Batch.class).returnResult().getResponseBody();
        assertThat(polled.rowsRead()).isEqualTo(rows);
        as("water-dept").get().uri("/api/intake/submissions/{id}", running.id()).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1125");
        assertThat(as("housing-dept").get().uri("/api/intake/submissions?checkYear={y}", year).exchange()
                .expectBodyList(Batch.class).returnResult().getResponseBody()).extracting(Batch::id)
                .containsExactly(running.id());
    }

    @Test
    void findingsCarryTheirCoverageAndAreCheckedAgainstTheIndicator() {
        int year = 2040;
        String csv = "indicator,areaCode,findingType,severity,description,appraisalReference,attachments\n"
                + "H01," + building(COMPOUND, 1) + ",STRUCTURAL_HAZARD,严重,承重墙开裂,鉴定〔2024〕12号,photo-1.jpg;photo-2.jpg\n"
                + "H04," + building(COMPOUND, 2) + ",,MINOR,外墙脱落,,\n"
                + "H01," + building(OTHER_COMPOUND, 1) + ",STRUCTURAL_HAZARD,MAJOR,,,\n"   // outside coverage
                + "H01," + COMPOUND + ",STRUCTURAL_HAZARD,MAJOR,,,\n"                       // a compound, not a building
                + "H03," + building(COMPOUND, 3) + ",GAS_HAZARD,MAJOR,,,\n"                  // H03 counts stairwells
                + "U01," + building(COMPOUND, 3) + ",,MAJOR,,,\n"                            // not an item count
                + "H01," + building(COMPOUND, 3) + ",STRUCTURAL_HAZARD,,,,\n";               // no severity
        Batch batch = submit("housing-dept", "kind=FINDING&checkYear=" + year + "&atomic=false&coverage=" + COMPOUND
                + "&indicators=H01,H03,H04&sourceMethod=FIELD_CHECK", csv);

        assertThat(batch.status()).isEqualTo(BatchStatus.PARTIALLY_ACCEPTED);
        assertThat(batch.created()).isEqualTo(2);
        assertThat(batch.coverage()).containsExactly(COMPOUND);
        assertThat(counts(batch)).containsOnly(Map.entry("INTAKE_E1120", 1L), Map.entry("INTAKE_E1118", 1L),
                Map.entry("INTAKE_E1119", 1L), Map.entry("INTAKE_E1102", 1L), Map.entry("INTAKE_E1115", 1L));
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            var findings = probe.await(2, r -> ofBatch(r, batch.id()), Duration.ofSeconds(30)).stream()
                    .map(r -> event(r, FindingReported.class)).toList();
            FindingReported hazard = findings.stream().filter(f -> f.indicatorCode().equals("H01")).findFirst().orElseThrow();
            assertThat(hazard.areaCode()).isEqualTo(building(COMPOUND, 1));
            assertThat(hazard.severity()).isEqualTo("SEVERE");
            assertThat(hazard.attachments()).containsExactly("photo-1.jpg", "photo-2.jpg");
            assertThat(hazard.appraisalReference()).isEqualTo("鉴定〔2024〕12号");
            assertThat(hazard.sourceMethod()).isEqualTo("FIELD_CHECK");
            FindingReported envelope = findings.stream().filter(f -> f.indicatorCode().equals("H04")).findFirst().orElseThrow();
            assertThat(envelope.findingType()).as("defaults to the indicator's").isEqualTo("ENVELOPE_HAZARD");
        }
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_SUBMISSIONS)) {
            SubmissionAccepted accepted = event(probe.await(1, r -> r.key().equals(batch.id().toString()),
                    Duration.ofSeconds(30)).get(0), SubmissionAccepted.class);
            assertThat(accepted.coverage()).containsExactly(COMPOUND);
            assertThat(accepted.indicatorCodes()).containsExactly("H01", "H03", "H04");
        }

        upload("housing-dept", "kind=FINDING&checkYear=" + year, new MediaType("text", "csv"),
                csv.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1124");
        upload("housing-dept", "kind=FINDING&checkYear=" + year + "&coverage=3602", new MediaType("text", "csv"),
                csv.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1122");
    }

    @Test
    void surveyResultsAndHotlineCountsArePublicFeedback() {
        int year = 2041;
        Batch survey = submit("housing-dept", "kind=SURVEY&checkYear=" + year + "&atomic=false",
                "areaCode,topic,value,respondents\n" + COMMUNITY + ",PARKING,72.5,310\n" + COMMUNITY + ",GREENING,120,10\n");
        assertThat(survey.created()).isEqualTo(1);
        assertThat(counts(survey)).containsOnly(Map.entry("INTAKE_E1108", 1L));
        Batch hotline = submit("housing-dept", "kind=HOTLINE&checkYear=" + year + "&atomic=false",
                "区域代码,主题,数值,渠道\n" + STREET + ",PROPERTY_MANAGEMENT,37,\n" + STREET + ",NOISE,2.5,12345\n");
        assertThat(hotline.created()).isEqualTo(1);
        assertThat(counts(hotline)).containsOnly(Map.entry("INTAKE_E1107", 1L));
        try (KafkaProbe probe = KafkaProbe.on(Topics.INTAKE_OBSERVATIONS)) {
            PublicFeedbackReported satisfaction = event(probe.await(1, r -> ofBatch(r, survey.id()),
                    Duration.ofSeconds(30)).get(0), PublicFeedbackReported.class);
            assertThat(satisfaction.respondents()).isEqualTo(310L);
            assertThat(satisfaction.value()).isEqualByComparingTo("72.5");
            PublicFeedbackReported complaints = event(probe.await(1, r -> ofBatch(r, hotline.id()),
                    Duration.ofSeconds(30)).get(0), PublicFeedbackReported.class);
            assertThat(complaints.channel()).isEqualTo("12345");
            assertThat(complaints.topic()).isEqualTo("PROPERTY_MANAGEMENT");
            assertThat(complaints.value()).isEqualByComparingTo("37");
        }
    }

    @Test
    void aLateSubmissionIsFlaggedAndNeedsAnAdministratorsOverride() {
        int year = 2042;
        as("admin").put().uri("/api/intake/submission-windows/{y}", year).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("opensAt", Instant.now().minus(Duration.ofDays(30)).toString(),
                        "closesAt", Instant.now().minusSeconds(60).toString()))
                .exchange().expectStatus().isOk();
        String csv = VALUES_HEADER + "U01_COLLECTED,3601,6400,,\n";
        upload("water-dept", "checkYear=" + year, new MediaType("text", "csv"), csv.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1110");
        List<Batch> flagged = as("admin").get().uri("/api/intake/submissions?checkYear={y}&status=REJECTED", year)
                .exchange().expectBodyList(Batch.class).returnResult().getResponseBody();
        assertThat(flagged).singleElement().satisfies(b -> {
            assertThat(b.late()).isTrue();
            assertThat(b.department()).isEqualTo("water");
        });
        as("water-dept").post().uri("/api/intake/submission-windows/{y}/late-overrides", year)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("department", "water", "reason", "x"))
                .exchange().expectStatus().isForbidden();
        as("admin").post().uri("/api/intake/submission-windows/{y}/late-overrides", year)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("department", "water", "reason", "汛期延误，经专班同意补报"))
                .exchange().expectStatus().isCreated();

        Batch late = submit("water-dept", "checkYear=" + year, csv);
        assertThat(late.status()).isEqualTo(BatchStatus.SUCCEEDED);
        assertThat(late.late()).isTrue();
        assertThat(late.overrideBy()).isEqualTo("admin");

        as("admin").put().uri("/api/intake/submission-windows/{y}", year + 1).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("opensAt", Instant.now().plusSeconds(3600).toString(),
                        "closesAt", Instant.now().plusSeconds(7200).toString()))
                .exchange().expectStatus().isOk();
        upload("water-dept", "checkYear=" + (year + 1), new MediaType("text", "csv"),
                csv.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1111");
    }

    @Test
    void officialsSeeWhichDepartmentsHaveNotSubmittedWhat() {
        int year = 2043;
        submit("water-dept", "checkYear=" + year, VALUES_HEADER + "U01_COLLECTED,3601,6400,,\n");
        var completeness = as("nanchang-official").get()
                .uri("/api/intake/completeness?checkYear={y}&areaCode=3601", year).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> departments = (List<Map<String, Object>>) completeness.get("departments");
        Map<String, Object> water = departments.stream().filter(d -> d.get("department").equals("water")).findFirst()
                .orElseThrow();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> elements = (List<Map<String, Object>>) water.get("dataElements");
        Map<String, Object> collected = elements.stream().filter(e -> e.get("dataElement").equals("U01_COLLECTED"))
                .findFirst().orElseThrow();
        assertThat(collected.get("reported")).isEqualTo(1);
        assertThat(collected.get("missing")).isEqualTo(0);
        Map<String, Object> produced = elements.stream().filter(e -> e.get("dataElement").equals("U01_PRODUCED"))
                .findFirst().orElseThrow();
        assertThat(produced.get("missing")).isEqualTo(1);
        assertThat(produced.get("firstMissingAreas")).isEqualTo(List.of(CITY));
        assertThat(departments).extracting(d -> d.get("department")).contains("housing", "education");
    }

    @Test
    void aReleasedReviewLockLetsCorrectionsInAgain() {
        int year = 2045;
        var lock = as("donghu-official").post().uri("/api/intake/review-locks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("checkYear", year, "areaCode", "360102", "subject", "U20_PUMPING_CAPACITY", "reason", "已审核"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        as("donghu-official").post().uri("/api/intake/review-locks").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("checkYear", year, "areaCode", "360103", "reason", "不是本区"))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1202");
        Batch locked = submit("water-dept", "checkYear=" + year + "&atomic=false",
                VALUES_HEADER + "U20_PUMPING_CAPACITY,360102,3,,\nU21_DAILY_DEMAND,360102,200,,\n");
        assertThat(locked.status()).as("only the locked data element is held back").isEqualTo(BatchStatus.PARTIALLY_ACCEPTED);
        assertThat(group(locked, "INTAKE_E1112").rows()).extracting(ImportSummary.Row::row).containsExactly(2);

        as("donghu-official").delete().uri("/api/intake/review-locks/{id}", lock.get("id")).exchange().expectStatus().isOk();
        as("donghu-official").delete().uri("/api/intake/review-locks/{id}", lock.get("id")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1201");
        assertThat(submit("water-dept", "checkYear=" + year, VALUES_HEADER + "U20_PUMPING_CAPACITY,360102,3,,\n").created())
                .isEqualTo(1);
        as("admin").put().uri("/api/intake/submission-windows/{y}", year).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("opensAt", "2045-06-01T00:00:00Z", "closesAt", "2045-01-01T00:00:00Z"))
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1301");
    }

    @Test
    void uploadsThatCannotBeImportedAreRefusedClearly() {
        upload("water-dept", "checkYear=2044", MediaType.TEXT_PLAIN, "x".getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isEqualTo(415).expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1123");
        upload("water-dept", "checkYear=2044&strategy=MERGE", new MediaType("text", "csv"),
                VALUES_HEADER.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1124");
        upload("nanchang-official", "checkYear=2044", new MediaType("text", "csv"),
                VALUES_HEADER.getBytes(StandardCharsets.UTF_8), null).expectStatus().isForbidden();
        upload("admin", "checkYear=2044", new MediaType("text", "csv"),
                VALUES_HEADER.getBytes(StandardCharsets.UTF_8), null)
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("INTAKE_E1006");
        Batch empty = submit("water-dept", "checkYear=2044", VALUES_HEADER);
        assertThat(counts(empty)).containsOnlyKeys("INTAKE_E1121");
        String metrics = as("operator").get().uri("/actuator/prometheus").exchange().expectBody(String.class)
                .returnResult().getResponseBody();
        assertThat(metrics).contains("tijian_intake_batches_total").contains("tijian_intake_batch_duration");
    }
}
