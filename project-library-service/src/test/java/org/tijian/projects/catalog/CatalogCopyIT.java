package org.tijian.projects.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
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
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The project library keeps the kit's catalog copy too, readable under its own prefix. (The kit's behaviour is
 * tested at scale in the ledger's CatalogCopyIT and intake's AreaCopyIT.)
 */
@TijianIntegrationTest(database = "projects_catalog_it")
class CatalogCopyIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private WebTestClient approver() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("approver"))
                .build();
    }

    @Test
    void projectLibraryCopiesAreasAndIndicatorsFromTheCatalogTopics() {
        String city = "3601";
        KafkaProbe.sendAll(Topics.CATALOG_AREAS, Map.of(
                "36", json.writeValueAsString(new AreaDefined("36", "江西省", AreaLevel.PROVINCE, null, null, null, null,
                        null, null)),
                city, json.writeValueAsString(new AreaDefined(city, "南昌市", AreaLevel.CITY, "36", "PROVINCIAL_CAPITAL",
                        6_560_000L, new BigDecimal("512.3"), new BigDecimal("88.125"), "LARGE"))), Map.of());
        KafkaProbe.send(Topics.CATALOG_INDICATORS, "PLIT01", json.writeValueAsString(new IndicatorDefined("PLIT01",
                "NANCHANG_SPECIFIC", IndicatorSystemKind.CITY_SPECIFIC, city, "老旧小区改造完成率", null, Dimension.COMMUNITY,
                "设施完善", "%", Direction.HIGHER_BETTER, false, List.of(AcquisitionMethod.FIELD_CHECK), CheckCycle.YEARLY,
                AreaLevel.COMMUNITY, null, null, RectificationClass.BEST_EFFORT, null,
                new IndicatorDefined.Computation(ComputationType.VALUE, null, "RENOVATED_SHARE", null, null, null),
                List.of(new IndicatorDefined.DataElement("RENOVATED_SHARE", "改造完成率", "%")), List.of(), List.of(),
                List.of(), false, 1)), Map.of());

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> approver()
                .get().uri("/api/projects/catalog/status").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.areas.count").isEqualTo(2).jsonPath("$.indicators.count").isEqualTo(1));
        approver().get().uri("/api/projects/catalog/areas/{code}", city).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sizeClass").isEqualTo("LARGE").jsonPath("$.builtUpAreaKm2").isEqualTo(512.3);
        approver().get().uri("/api/projects/catalog/indicators/{code}", "PLIT01").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.ownerAreaCode").isEqualTo(city).jsonPath("$.systemKind").isEqualTo("CITY_SPECIFIC");
    }
}
