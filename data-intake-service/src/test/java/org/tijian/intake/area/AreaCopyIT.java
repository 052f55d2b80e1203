package org.tijian.intake.area;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Topics;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.kit.catalog.CatalogCopy;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * Intake keeps its own copy of the area tree (service-kit's catalog copy) from the compacted topic the evaluation
 * service publishes.
 */
@TijianIntegrationTest(database = AreaCopyIT.DATABASE)
class AreaCopyIT {

    static final String DATABASE = "intake_areas_it";
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.CATALOG_AREAS,
            TestInfrastructure.consumerGroup("data-intake-service", DATABASE));
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;
    @Autowired
    CatalogCopy copy;
    @Autowired
    MeterRegistry meters;
    @Value("${local.server.port}")
    int port;

    private long copied(String prefix) {
        return db.sql("select count(*) as n from area_copy where code like :prefix").bind("prefix", prefix + "%")
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private double rejected() {
        var counter = meters.find("tijian.catalog.copy.records").tags("kind", "area", "outcome", "rejected").counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient department() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("water-dept"))
                .build();
    }

    private static String street() {
        return "360102" + (100 + (int) (Math.random() * 899));
    }

    private String area(String code, String name, AreaLevel level, String parent, Long population) {
        return json.writeValueAsString(new AreaDefined(code, name, level, parent, null, population, null, null, null));
    }

    @Test
    void copyFollowsTheTopicIncludingLaterChangesAndSkipsWhatItCannotRead() {
        String street = street();
        Map<String, String> records = new LinkedHashMap<>();
        records.put(street, area(street, "测试街道", AreaLevel.STREET, "360102", null));
        for (int community = 1; community <= 300; community++) {
            String code = street + "%03d".formatted(community);
            records.put(code, area(code, "第" + community + "社区", AreaLevel.COMMUNITY, street, 3000L + community));
        }
        double rejectedBefore = rejected();

        KafkaProbe.sendAll(Topics.CATALOG_AREAS, records, Map.of());
        KafkaProbe.sendAll(Topics.CATALOG_AREAS, Map.of(
                street + "001", area(street + "001", "第一社区（更名）", AreaLevel.COMMUNITY, street, 3100L),
                street + "997", "{not json",
                street + "998", "{\"code\": \"" + street + "998\", \"level\": \"COMMUNITY\"}",
                street + "999", area(street + "990", "键与代码不符", AreaLevel.COMMUNITY, street, null)),
                Map.of());

        Awaitility.await().atMost(WAIT).until(() -> copied(street) == 301);
        Awaitility.await().atMost(WAIT)
                .until(() -> "第一社区（更名）".equals(copy.area(street + "001").block().nameZh()));
        AreaDefined changed = copy.area(street + "001").block();
        assertThat(changed.population()).isEqualTo(3100L);
        assertThat(changed.parentCode()).isEqualTo(street);
        assertThat(copy.area(street + "300").block().level()).isEqualTo(AreaLevel.COMMUNITY);
        try (KafkaProbe deadLetters = KafkaProbe.on(DEAD_LETTERS)) {
            var skipped = deadLetters.await(3, r -> r.key() != null && r.key().startsWith(street), WAIT);
            assertThat(skipped).extracting(r -> r.key())
                    .containsExactlyInAnyOrder(street + "997", street + "998", street + "999");
            assertThat(skipped).extracting(r -> KafkaProbe.header(r, "x-exception-message"))
                    .anySatisfy(m -> assertThat(m).startsWith("unreadable"))
                    .anySatisfy(m -> assertThat(m).isEqualTo("missing nameZh"))
                    .anySatisfy(m -> assertThat(m).isEqualTo("the key " + street + "999 is not the code " + street + "990"));
            assertThat(skipped).extracting(r -> KafkaProbe.header(r, "x-original-topic")).containsOnly(Topics.CATALOG_AREAS);
        }
        assertThat(rejected() - rejectedBefore).isEqualTo(3);
        assertThat(copied(street + "99")).isZero();
    }

    @Test
    void aValueTheDatabaseRefusesIsSetAsideAndTheRestOfItsPollIsApplied() {
        String street = street();
        Map<String, String> records = new LinkedHashMap<>();
        records.put(street, area(street, "测试街道", AreaLevel.STREET, "360102", null));
        records.put(street + "001", "{\"code\": \"" + street + "001\", \"nameZh\": \"面积溢出\", \"level\": \"COMMUNITY\","
                + " \"builtUpAreaKm2\": 1e200000}");
        records.put(street + "002", "{\"code\": \"" + street + "002\", \"nameZh\": \"空\\u0000字符\", \"level\": \"COMMUNITY\"}");
        records.put(street + "003", area(street + "003", "第三社区", AreaLevel.COMMUNITY, street, 3003L));

        KafkaProbe.sendAll(Topics.CATALOG_AREAS, records, Map.of());

        Awaitility.await().atMost(WAIT).until(() -> copied(street) == 2);
        assertThat(copy.area(street + "003").blockOptional()).isPresent();
        try (KafkaProbe deadLetters = KafkaProbe.on(DEAD_LETTERS)) {
            var refused = deadLetters.await(2, r -> r.key() != null && r.key().startsWith(street), WAIT);
            assertThat(refused).extracting(r -> r.key()).containsExactlyInAnyOrder(street + "001", street + "002");
            assertThat(refused).extracting(r -> KafkaProbe.header(r, "x-exception-message"))
                    .allSatisfy(m -> assertThat(m).startsWith("refused by the database"));
        }
    }

    @Test
    void aDeletedRecordRemovesTheAreaFromTheCopy() {
        String street = street();
        KafkaProbe.send(Topics.CATALOG_AREAS, street, area(street, "将被删除的街道", AreaLevel.STREET, "360102", null), Map.of());
        Awaitility.await().atMost(WAIT).until(() -> copied(street) == 1);

        KafkaProbe.delete(Topics.CATALOG_AREAS, street);

        Awaitility.await().atMost(WAIT).until(() -> copied(street) == 0);
    }

    @Test
    void aPollThatFailsForAnotherReasonIsRetriedNotSkipped() throws SQLException {
        String street = street();
        long rollbacksBefore = rollbacks();
        try (Connection admin = jdbc()) {
            admin.createStatement().execute("alter table area_copy rename to area_copy_away");
            try {
                // when: a poll fails for a reason that is not its records
                KafkaProbe.send(Topics.CATALOG_AREAS, street, area(street, "稍后写入的街道", AreaLevel.STREET, "360102", null),
                        Map.of());
                Awaitility.await().atMost(WAIT).until(() -> rollbacks() > rollbacksBefore);
            } finally {
                admin.createStatement().execute("alter table area_copy_away rename to area_copy");
            }
        }

        // then: it is applied once the database can take it, and nothing was dead-lettered
        Awaitility.await().atMost(WAIT).until(() -> copied(street) == 1);
        try (KafkaProbe deadLetters = KafkaProbe.on(DEAD_LETTERS)) {
            assertThat(deadLetters.drain(r -> street.equals(r.key()), Duration.ofSeconds(1))).isEmpty();
        }
    }

    private static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().jdbcUrl(DATABASE), TestInfrastructure.USER,
                TestInfrastructure.PASSWORD);
    }

    /** Transactions rolled back in the test's database: the copy's failed attempts. */
    private static long rollbacks() throws SQLException {
        try (Connection connection = jdbc();
                var row = connection.createStatement().executeQuery(
                        "select xact_rollback from pg_stat_database where datname = '" + DATABASE + "'")) {
            row.next();
            return row.getLong(1);
        }
    }

    @Test
    void areasAreReadOverHttpAtTheOldPathAndTheCatalogPath() {
        String street = street();
        KafkaProbe.send(Topics.CATALOG_AREAS, street, area(street, "滕王阁测试街道", AreaLevel.STREET, "360102", null), Map.of());
        Awaitility.await().atMost(WAIT).until(() -> copied(street) == 1);

        department().get().uri("/api/intake/areas/{code}", street).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.nameZh").isEqualTo("滕王阁测试街道").jsonPath("$.parentCode").isEqualTo("360102");
        department().get().uri("/api/intake/catalog/areas/{code}", street).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.level").isEqualTo("STREET");
        department().get().uri("/api/intake/areas/{code}", street + "404").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CATALOG_E0601");
        department().get().uri("/api/intake/catalog/status").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.areas.count").isNumber().jsonPath("$.indicators.digest").isNotEmpty();
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/intake/catalog/status").exchange()
                .expectStatus().isUnauthorized();
    }
}
