package org.tijian.ledger.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Topics;
import org.tijian.contracts.catalog.AcquisitionMethod;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.contracts.catalog.CheckCycle;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.Direction;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorSystemKind;
import org.tijian.contracts.catalog.StandardOperator;
import org.tijian.kit.catalog.CatalogCopyStatus;
import org.tijian.kit.catalog.CatalogDigest;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import org.tijian.testing.areas.GeneratedProvince;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's copy of the catalog matches the topics once they are consumed: a generated province of about
 * 219,000 areas published while the copy's area consumer is down is caught up when it starts, and the copy's
 * digest equals the digest of the same areas in a table filled independently (by COPY, with another numeric scale).
 * Prints the catch-up time and throughput.
 */
@TijianIntegrationTest(database = "ledger_catalog_it", properties =
        "spring.cloud.stream.bindings.areaDefined-in-0.consumer.auto-startup=false")
public class CatalogCopyIT {

    private static final String DATABASE = "ledger_catalog_it";

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    MeterRegistry meters;
    @Value("${local.server.port}")
    int port;

    @Test
    void copyCatchesUpWithAProvincePublishedWhileItsConsumerWasDown() throws Exception {
        // given: the province as the evaluation service publishes it; cities carry areas and a size class
        GeneratedProvince province = GeneratedProvince.perStreet(3, 4, 9);
        List<AreaDefined> samples = new ArrayList<>();
        AtomicLong published = new AtomicLong();
        long publishStart = System.nanoTime();
        try (var producer = producer()) {
            forEachArea(province, area -> {
                producer.send(new ProducerRecord<>(Topics.CATALOG_AREAS, area.code(), json.writeValueAsBytes(area)));
                published.incrementAndGet();
                boolean firstBuilding = area.level() == AreaLevel.BUILDING
                        && samples.stream().noneMatch(s -> s.level() == AreaLevel.BUILDING);
                if (firstBuilding || List.of("36", "3601", "3607", "360102").contains(area.code())) {
                    samples.add(area);
                }
            });
            producer.flush();
        }
        double publishSeconds = seconds(System.nanoTime() - publishStart);
        CatalogCopyStatus.TableDigest expected = expectedAreaDigest(province);
        assertThat(expected.count()).isEqualTo(published.get()).isGreaterThan(200_000);

        // when: the consumer comes back
        long start = System.nanoTime();
        bindings.start("areaDefined-in-0");

        // then
        AtomicReference<CatalogCopyStatus> status = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    status.set(status());
                    return status.get().areas().count() == expected.count();
                });
        double catchUpSeconds = seconds(System.nanoTime() - start);
        assertThat(status.get().areas()).isEqualTo(expected);
        assertThat(status.get().lastUpdatedAt()).isNotNull();
        long statusStart = System.nanoTime();
        status();
        double statusSeconds = seconds(System.nanoTime() - statusStart);
        System.out.printf("catalog copy: published %,d areas in %.1f s (%,.0f areas/s); the copy caught up %.1f s after"
                + " its consumer started (%,.0f areas/s); digest %s; one status request %.2f s%n", published.get(),
                publishSeconds, published.get() / publishSeconds, catchUpSeconds, published.get() / catchUpSeconds,
                status.get().areas().digest(), statusSeconds);
        assertThat(samples).hasSize(5);
        for (AreaDefined sample : samples) {
            official().get().uri("/api/ledger/catalog/areas/{code}", sample.code()).exchange()
                    .expectStatus().isOk()
                    .expectBody(AreaDefined.class).isEqualTo(sample);
        }
        official().get().uri("/api/ledger/catalog/areas/{code}", "3601999999").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CATALOG_E0601");
    }

    @Test
    void indicatorCopyKeepsTheHighestRevisionAndWithdrawnIndicators() throws Exception {
        // given: a first and a third revision, an indicator withdrawn in its second revision, and a plain one
        KafkaProbe.sendAll(Topics.CATALOG_INDICATORS, Map.of(
                "CCIT01", text(indicator("CCIT01", 1, false, "住房安全（第一版）")),
                "CCIT02", text(indicator("CCIT02", 1, false, "将撤销的指标"))), Map.of());
        KafkaProbe.sendAll(Topics.CATALOG_INDICATORS, Map.of(
                "CCIT01", text(indicator("CCIT01", 3, false, "住房安全（第三版）")),
                "CCIT02", text(indicator("CCIT02", 2, true, "将撤销的指标")),
                "CCIT03", text(indicator("CCIT03", 1, false, "绿地覆盖"))), Map.of());
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> revisionOf("CCIT01") == 3 && status().indicators().count() == 3);
        double unchangedBefore = unchangedIndicators();

        // when: the second revision arrives after the third
        KafkaProbe.send(Topics.CATALOG_INDICATORS, "CCIT01", text(indicator("CCIT01", 2, false, "住房安全（第二版）")), Map.of());

        // then: it is read and ignored
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unchangedIndicators() > unchangedBefore);
        official().get().uri("/api/ledger/catalog/indicators/{code}", "CCIT01").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.revision").isEqualTo(3).jsonPath("$.nameZh").isEqualTo("住房安全（第三版）")
                .jsonPath("$.standards[0].threshold").isEqualTo(70);
        official().get().uri("/api/ledger/catalog/indicators/{code}", "CCIT02").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.retired").isEqualTo(true);
        official().get().uri("/api/ledger/catalog/indicators/{code}", "CCIT99").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("CATALOG_E0602");
        assertThat(status().indicators()).isEqualTo(digest(CatalogDigest.indicatorDigestSql("expected_indicator"),
                "create table expected_indicator (code text, revision integer, retired boolean)",
                "insert into expected_indicator values ('CCIT01', 3, false), ('CCIT02', 2, true), ('CCIT03', 1, false)"));
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/api/ledger/catalog/status").exchange()
                .expectStatus().isUnauthorized();
    }

    private static void forEachArea(GeneratedProvince province, java.util.function.Consumer<AreaDefined> area) {
        province.forEachArea(a -> area.accept(a.level() != AreaLevel.CITY ? a : new AreaDefined(a.code(), a.nameZh(),
                a.level(), a.parentCode(), a.cityClass(), 1_000_000L + Long.parseLong(a.code()),
                new BigDecimal("512.30"), new BigDecimal("88.125"), a.code().equals("3601") ? "LARGE" : "MEDIUM")));
    }

    /**
     * The same areas, written by COPY into a table whose numeric columns keep four decimals (512.3000), digested by
     * the SQL that the evaluation service would run on its own table.
     */
    private CatalogCopyStatus.TableDigest expectedAreaDigest(GeneratedProvince province) throws SQLException {
        StringBuilder rows = new StringBuilder();
        forEachArea(province, a -> rows.append(String.join("\t", a.code(), a.nameZh(), a.level().name(),
                orNull(a.parentCode()), orNull(a.cityClass()), orNull(a.sizeClass()), orNull(a.population()),
                orNull(a.builtUpAreaKm2()), orNull(a.residentialLandAreaKm2()))).append('\n'));
        try (Connection connection = connection()) {
            connection.createStatement().execute("""
                    create table expected_area (code text primary key, name_zh text, level text, parent_code text,
                      city_class text, size_class text, population bigint, built_up_area_km2 numeric(12, 4),
                      residential_land_area_km2 numeric(12, 4))""");
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy expected_area from stdin", new StringReader(rows.toString()));
            return query(connection, CatalogDigest.areaDigestSql("expected_area"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private CatalogCopyStatus.TableDigest digest(String sql, String... setup) throws SQLException {
        try (Connection connection = connection()) {
            for (String statement : setup) {
                connection.createStatement().execute(statement);
            }
            return query(connection, sql);
        }
    }

    private static CatalogCopyStatus.TableDigest query(Connection connection, String sql) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery(sql)) {
            row.next();
            return new CatalogCopyStatus.TableDigest(row.getLong("count"), row.getString("digest"));
        }
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().jdbcUrl(DATABASE), TestInfrastructure.USER,
                TestInfrastructure.PASSWORD);
    }

    private static String orNull(Object value) {
        return value == null ? "\\N" : value.toString();
    }

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBrokers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024));
    }

    private CatalogCopyStatus status() {
        byte[] body = official().get().uri("/api/ledger/catalog/status").exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return json.readValue(body, CatalogCopyStatus.class);
    }

    private long revisionOf(String code) {
        var response = official().get().uri("/api/ledger/catalog/indicators/{code}", code).exchange()
                .returnResult(IndicatorDefined.class);
        if (response.getStatus().value() != 200) {
            return -1;
        }
        return response.getResponseBody().blockFirst().revision();
    }

    private double unchangedIndicators() {
        var counter = meters.find("tijian.catalog.copy.records").tags("kind", "indicator", "outcome", "unchanged").counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient official() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("nanchang-official"))
                .build();
    }

    private String text(IndicatorDefined indicator) {
        return new String(json.writeValueAsBytes(indicator), StandardCharsets.UTF_8);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static IndicatorDefined indicator(String code, long revision, boolean retired, String nameZh) {
        return indicator(code, revision, retired, nameZh, "安全耐久", null);
    }

    /** An indicator as the evaluation service publishes it, with a category (分类) and a rectification suggestion. */
    public static IndicatorDefined indicator(String code, long revision, boolean retired, String nameZh, String categoryZh,
            String suggestionZh) {
        return new IndicatorDefined(code, "NATIONAL_BASIC", IndicatorSystemKind.NATIONAL_BASIC, null, nameZh, null,
                Dimension.HOUSING, categoryZh, "%", Direction.HIGHER_BETTER, true,
                List.of(AcquisitionMethod.DEPARTMENT_STATISTICS), CheckCycle.YEARLY, AreaLevel.CITY, "HOUSING", "住建局",
                RectificationClass.TIME_LIMITED, suggestionZh,
                new IndicatorDefined.Computation(ComputationType.RATIO, null, null, "SAFE_DWELLINGS", "ALL_DWELLINGS",
                        new BigDecimal("100")),
                List.of(new IndicatorDefined.DataElement("SAFE_DWELLINGS", "安全住房数", "套"),
                        new IndicatorDefined.DataElement("ALL_DWELLINGS", "住房总数", "套")),
                List.of(new IndicatorDefined.Standard(2025, null, null, StandardOperator.AT_LEAST, new BigDecimal("70"),
                        null, null)),
                List.of(), List.of(), retired, revision);
    }
}
