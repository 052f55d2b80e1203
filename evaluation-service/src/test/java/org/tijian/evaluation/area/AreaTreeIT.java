package org.tijian.evaluation.area;

import org.tijian.kit.imports.ImportSummary;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Topics;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import org.tijian.testing.areas.GeneratedProvince;
import tools.jackson.databind.json.JsonMapper;

/**
 * A generated Jiangxi (11 real cities and their 1,767 real streets, with communities, compounds and
 * buildings below: about 217,000 areas) imported through the API, and every way a file can be wrong.
 */
@TijianIntegrationTest(database = "evaluation_areas_it")
class AreaTreeIT {

    private static final GeneratedProvince PROVINCE = GeneratedProvince.perStreet(3, 4, 9);
    private static final Duration IMPORT = Duration.ofSeconds(90);

    @TempDir
    static Path files;

    @Value("${local.server.port}")
    int port;

    @Autowired
    DatabaseClient db;

    private final JsonMapper json = JsonMapper.builder().build();

    private WebTestClient as(String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofMinutes(2))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor(user)).build();
    }

    private ImportJob upload(byte[] content, MediaType type) {
        ImportJob accepted = as("admin").post().uri("/api/evaluation/area-imports").contentType(type).bodyValue(content)
                .exchange().expectStatus().isAccepted()
                .expectBody(ImportJob.class).returnResult().getResponseBody();
        return Awaitility.await().atMost(IMPORT).pollInterval(Duration.ofMillis(200))
                .until(() -> as("admin").get().uri("/api/evaluation/area-imports/{id}", accepted.id()).exchange()
                                .expectBody(ImportJob.class).returnResult().getResponseBody(),
                        job -> job.status() != ImportJob.Status.RUNNING);
    }

    private ImportJob uploadCsv(String csv, Charset charset) {
        return upload(csv.getBytes(charset), new MediaType("text", "csv"));
    }

    private static Map<String, Long> errorCounts(ImportJob job) {
        return job.errors().stream().collect(Collectors.toMap(ImportSummary.Group::code, ImportSummary.Group::count));
    }

    private static synchronized void importProvinceOnce(AreaTreeIT test) {
        if (provinceJob == null) {
            byte[] csv;
            try {
                csv = Files.readAllBytes(PROVINCE.writeCsv(files.resolve("province.csv"), StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            provinceJob = test.upload(csv, new MediaType("text", "csv"));
        }
    }

    /** Imported once, by the first test that needs it (uploading needs the running service). */
    private static ImportJob provinceJob;

    @Test
    void generatedProvinceIsImportedWithItsWholeTree() {
        importProvinceOnce(this);

        assertThat(provinceJob.status()).as("%s", provinceJob).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(provinceJob.rowsRead()).isEqualTo(PROVINCE.areaCount()).isGreaterThan(200_000);
        assertThat(provinceJob.created() + provinceJob.unchanged() + provinceJob.updated()).isEqualTo(PROVINCE.areaCount());

        long nanchangDistricts = GeneratedProvince.realDivisions().stream()
                .filter(row -> row[3].equals("3601")).count();
        as("nanchang-official").get().uri("/api/evaluation/areas/3601").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.area.nameZh").isEqualTo("南昌市")
                .jsonPath("$.area.cityClass").isEqualTo("PROVINCIAL_CAPITAL")
                .jsonPath("$.ancestors[0]").isEqualTo("36")
                .jsonPath("$.childCount").isEqualTo(nanchangDistricts);

        String street = GeneratedProvince.realDivisions().stream().filter(row -> row[2].equals("STREET")).findFirst()
                .orElseThrow()[0];
        String building = street + "002" + "003" + "009";
        as("nanchang-official").get().uri("/api/evaluation/areas/{code}", building).exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.area.level").isEqualTo("BUILDING")
                .jsonPath("$.ancestors.length()").isEqualTo(6)
                .jsonPath("$.ancestors[5]").isEqualTo(street + "002003")
                .jsonPath("$.childCount").isEqualTo(0);
        as("nanchang-official").get().uri("/api/evaluation/areas/{code}/children?limit=2&after={after}",
                        street + "002", street + "002001").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].code").isEqualTo(street + "002002");
    }

    @Test
    void everyImportedAreaIsPublishedOnTheCompactedTopicForOtherServices() {
        importProvinceOnce(this);
        String street = GeneratedProvince.realDivisions().stream().filter(row -> row[2].equals("STREET"))
                .skip(100).findFirst().orElseThrow()[0];

        try (KafkaProbe probe = KafkaProbe.on(Topics.CATALOG_AREAS)) {
            // 1 street + 3 communities + 12 compounds + 108 buildings
            var records = probe.await(124, r -> r.key().startsWith(street), Duration.ofMinutes(2));
            AreaDefined community = records.stream().map(r -> json.readValue(r.value(), AreaDefined.class))
                    .filter(a -> a.code().equals(street + "001")).findFirst().orElseThrow();
            assertThat(community.level()).isEqualTo(AreaLevel.COMMUNITY);
            assertThat(community.parentCode()).isEqualTo(street);
            assertThat(community.population()).isEqualTo(3017L);
        }
    }

    @Test
    void importingTheSameFileAgainChangesAndPublishesNothing() {
        String csv = GeneratedProvince.HEADER + "\n36,江西省,PROVINCE,,,\n3695,测试市,CITY,36,PREFECTURE_CITY,\n"
                + "369590,测试区,DISTRICT,3695,,\n";
        uploadCsv(csv, StandardCharsets.UTF_8);

        ImportJob again = uploadCsv(csv, StandardCharsets.UTF_8);

        assertThat(again.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.created() + again.updated()).isZero();
    }

    @Test
    void gbkAndBomFilesAreReadAsChinese() {
        String csv = "code,name,level,parent_code\n36,江西省,PROVINCE,\n3698,赣江新区,CITY,36\n";

        ImportJob gbk = uploadCsv(csv, Charset.forName("GBK"));
        ImportJob bom = uploadCsv("\uFEFF" + csv.replace("3698,赣江新区", "3697,庐山西海"), StandardCharsets.UTF_8);

        assertThat(gbk.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        assertThat(bom.status()).isEqualTo(ImportJob.Status.SUCCEEDED);
        as("admin").get().uri("/api/evaluation/areas/3698").exchange().expectBody().jsonPath("$.area.nameZh").isEqualTo("赣江新区");
        as("admin").get().uri("/api/evaluation/areas/3697").exchange().expectBody().jsonPath("$.area.nameZh").isEqualTo("庐山西海");
    }

    @Test
    void badRowsAreReportedByRowAndCodeAndChangeNothing() {
        String csv = String.join("\n",
                "code,name,level,parent_code,population",
                "36,江西省,PROVINCE,,",                       // row 2: fine (exists or new)
                "9901,甲市,CITY,36,",                          // row 3: fine on its own
                "990101,乙区,DISTRICT,990199,",                 // row 4: unknown parent
                "990102,丙区,DISTRICT,9901,x",                  // row 5: malformed number
                "990103,丁区,TOWNSHIP,9901,",                   // row 6: unknown level
                "990104,戊区,DISTRICT",                         // row 7: wrong number of cells
                "9901,甲市重复,CITY,36,",                        // row 8: duplicate code
                "990105001,街道甲,STREET,990106001,",           // row 9: cycle with row 10
                "990106001,街道乙,STREET,990105001,",           // row 10: cycle with row 9
                "990107,己区,DISTRICT,,",                       // row 11: no parent
                "990108,庚区,CITY,9901,",                       // row 12: a city below a city
                "");

        ImportJob job = uploadCsv(csv, StandardCharsets.UTF_8);

        assertThat(job.status()).isEqualTo(ImportJob.Status.REJECTED);
        assertThat(job.created() + job.updated()).isZero();
        Map<String, Long> counts = errorCounts(job);
        assertThat(counts).containsEntry("AREA_E3008", 1L).containsEntry("AREA_E3005", 1L)
                .containsEntry("AREA_E3004", 1L).containsEntry("AREA_E3002", 1L).containsEntry("AREA_E3007", 1L)
                .containsEntry("AREA_E3011", 2L).containsEntry("AREA_E3009", 1L).containsEntry("AREA_E3010", 1L);
        var unknownParent = job.errors().stream().filter(g -> g.code().equals("AREA_E3008")).findFirst().orElseThrow();
        assertThat(unknownParent.rows()).containsExactly(new ImportSummary.Row(4, "990199"));
        as("admin").get().uri("/api/evaluation/areas/9901").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("AREA_E3014");

        ImportJob classes = uploadCsv(String.join("\n", "code,name,level,parent_code,city_class,size_class",
                "9902,辛市,CITY,36,METROPOLIS,", "9903,壬市,CITY,36,prefecture_city,HUGE", ""), StandardCharsets.UTF_8);
        assertThat(errorCounts(classes)).containsExactlyInAnyOrderEntriesOf(Map.of("AREA_E3016", 1L, "AREA_E3017", 1L));
    }

    @Test
    void importsOfAStoppedInstanceAreFailedWhileThoseOfLiveReplicasGoOn() {
        UUID abandoned = UUID.randomUUID();
        UUID live = UUID.randomUUID();
        for (UUID job : List.of(abandoned, live)) {
            db.sql("""
                            insert into area_import_job (id, format, status, submitted_by, started_at, heartbeat_at)
                            values (:id, 'CSV', 'RUNNING', 'admin', now(), now() - make_interval(secs => :age))""")
                    .bind("id", job).bind("age", job.equals(abandoned) ? 300.0 : 0.0).then().block();
            db.sql("""
                            insert into area_import_row (job_id, row_no, code, name_zh, level, level_rank)
                            values (:id, 2, '9999', '测试', 'CITY', 1)""")
                    .bind("id", job).then().block();
        }
        try {
            Awaitility.await().atMost(Duration.ofSeconds(40)).until(() -> status(abandoned).equals("FAILED"));
            assertThat(stagedRows(abandoned)).isZero();
            assertThat(status(live)).isEqualTo("RUNNING");
            assertThat(stagedRows(live)).isEqualTo(1);
        } finally {
            db.sql("delete from area_import_row where job_id = :id").bind("id", live).then().block();
            db.sql("delete from area_import_job where id = :id").bind("id", live).then().block();
        }
    }

    private String status(UUID job) {
        return db.sql("select status from area_import_job where id = :id").bind("id", job)
                .map(row -> row.get("status", String.class)).one().block();
    }

    private long stagedRows(UUID job) {
        return db.sql("select count(*) as n from area_import_row where job_id = :id").bind("id", job)
                .map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void emptyFilesAndMalformedJsonAreRejected() {
        assertThat(errorCounts(uploadCsv("", StandardCharsets.UTF_8))).containsKey("AREA_E3001");
        assertThat(errorCounts(uploadCsv("code,name,level,parent_code\n", StandardCharsets.UTF_8))).containsKey("AREA_E3001");
        assertThat(errorCounts(upload("[{\"code\": \"36\", ".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)))
                .containsKey("AREA_E3002");
        assertThat(errorCounts(upload("{}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON)))
                .containsKey("AREA_E3002");
    }

    @Test
    void jsonImportAndExportRoundTrip() {
        String json = """
                [{"code": "36", "nameZh": "江西省", "level": "PROVINCE"},
                 {"code": "3696", "nameZh": "测试市", "level": "CITY", "parentCode": "36", "cityClass": "PREFECTURE_CITY",
                  "population": 1200000, "builtUpAreaKm2": 88.5,
                  "geometry": {"type": "Point", "coordinates": [115.9, 28.7]}},
                 {"code": "369601", "nameZh": "测试区, 一", "level": "DISTRICT", "parentCode": "3696"}]""";

        ImportJob job = upload(json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON);

        assertThat(job.status()).as("%s", job).isEqualTo(ImportJob.Status.SUCCEEDED);
        String csv = as("admin").get().uri("/api/evaluation/areas/3696/export?format=csv").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + AreaCsv.HEADER);
        assertThat(lines.get(1)).startsWith("3696,测试市,CITY,36,PREFECTURE_CITY,1200000,88.5,,");
        assertThat(lines.get(2)).isEqualTo("369601,\"测试区, 一\",DISTRICT,3696,,,,,,");
        as("admin").get().uri("/api/evaluation/areas/3696/export?format=json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].geometry").value(g -> assertThat(g.toString()).contains("Point"))
                .jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void onlyAdministratorsImportAndOnlyCsvOrJson() {
        as("nanchang-official").post().uri("/api/evaluation/area-imports").contentType(new MediaType("text", "csv"))
                .bodyValue("code,name,level\n").exchange().expectStatus().isForbidden();
        as("admin").post().uri("/api/evaluation/area-imports").contentType(MediaType.APPLICATION_XML)
                .bodyValue("<areas/>").exchange().expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.code").isEqualTo("AREA_E3012");
    }
}
