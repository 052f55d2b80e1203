package org.tijian.projects.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.Topics;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.contracts.projects.ProjectProposed;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.projects.ProjectsIntegrationTest;
import org.tijian.testing.KafkaProbe;
import tools.jackson.databind.JsonNode;

class DraftingIT extends ProjectsIntegrationTest {

    private static JsonNode byRule(List<JsonNode> projects, String rule) {
        return projects.stream().filter(p -> p.get("rule").asString().equals(rule)).findFirst().orElseThrow();
    }

    @Test
    void gasHazardsOfOneStreetAndParkingGapsOfOneCommunityBecomeOneDraftEachOthersOnePerIndicatorAndArea() {
        String street = newStreet();
        String community = street + "001";
        ProblemIdentified gas1 = identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT);
        ProblemIdentified gas2 = identified("H02", building(street, 2, 7), "1", RectificationClass.TIME_LIMITED);
        ProblemIdentified gas3 = identified("H02", building(street, 2, 8), "1", RectificationClass.BEST_EFFORT);
        ProblemIdentified parking1 = identified("C08", community + "001", "120", RectificationClass.BEST_EFFORT);
        ProblemIdentified parking2 = identified("C08", community + "002", "300", RectificationClass.BEST_EFFORT);
        ProblemIdentified sewage = identified("U01", street, "64", RectificationClass.BEST_EFFORT);

        List.of(gas1, gas2, gas3, parking1, parking2, sewage).forEach(this::deliver);

        List<JsonNode> drafts = awaitProblems(street, 6);
        assertThat(drafts).hasSize(3).allMatch(p -> p.get("status").asString().equals("DRAFT"));
        JsonNode gas = byRule(drafts, "GAS_PIPES");
        assertThat(gas.get("links")).hasSize(3);
        assertThat(gas.get("name").asString()).isEqualTo(street + "燃气管道老化更新改造项目");
        assertThat(gas.get("type").asString()).isEqualTo("FACILITY_CONSTRUCTION");
        assertThat(gas.get("areaCodes").get(0).asString()).isEqualTo(street);
        assertThat(gas.get("scale").asString()).isEqualTo("3 栋");
        assertThat(gas.get("investmentWan").decimalValue()).isEqualByComparingTo("36");
        assertThat(gas.get("estimate").asString()).isEqualTo("3 栋 × 12 万元/栋 = 36 万元");
        assertThat(gas.get("expectedEffect").asString()).isEqualTo("H02 −3");
        assertThat(gas.get("department").asString()).isEqualTo("housing");
        assertThat(gas.get("priority").asInt()).isEqualTo(1);
        assertThat(gas.get("checkYear").asInt()).isEqualTo(2025);
        assertThat(gas.get("planYear").asInt()).isEqualTo(2026);
        assertThat(gas.get("startYear").asInt()).isEqualTo(2026);
        JsonNode parking = byRule(drafts, "PARKING");
        assertThat(parking.get("scale").asString()).isEqualTo("420 个车位");
        assertThat(parking.get("estimate").asString()).isEqualTo("420 个车位 × 3.5 万元/个车位 = 1470 万元");
        assertThat(parking.get("priority").asInt()).isEqualTo(2);
        assertThat(parking.get("endYear").asInt()).isEqualTo(2027);
        JsonNode own = byRule(drafts, "PER_INDICATOR_AND_AREA");
        assertThat(own.get("department").asString()).isEqualTo("water");
        assertThat(own.get("estimate").asString()).isEqualTo("U01：无单价，待估算");
        assertThat(own.get("expectedEffect").asString()).isEqualTo("U01 达到评价标准（>= 1）");

        String gasId = gas.get("id").asString();
        assertThat(gas.get("problemIds")).hasSize(3);
        assertThat(gas.get("schedule").asString()).isEqualTo("2026");
        assertThat(gas.get("typeNameZh").asString()).isEqualTo("设施建设");
        assertThat(parking.get("schedule").asString()).isEqualTo("2026—2027");
        // the first version's path still answers
        as("nanchang-official").get().uri("/api/projects/proposals?year=2026&areaCode={a}", street).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(3);
        as("nanchang-official").get().uri("/api/projects/proposals/{id}", gasId).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.problemIds.length()").isEqualTo(3)
                .jsonPath("$.statusNameZh").isEqualTo("建议稿").jsonPath("$.history.length()").isEqualTo(3);
        assertThat(historyActions(gasId)).containsExactly("DRAFTED", "PROBLEM_JOINED", "PROBLEM_JOINED");
        try (KafkaProbe probe = KafkaProbe.on(Topics.PROJECTS_LIFECYCLE)) {
            List<ConsumerRecord<String, byte[]>> proposed = probe.await(1, r -> gasId.equals(r.key()), WAIT);
            assertThat(KafkaProbe.header(proposed.get(0), CloudEventHeaders.TYPE))
                    .isEqualTo("org.tijian.projects.ProjectProposed.v1");
            assertThat(json.readValue(proposed.get(0).value(), ProjectProposed.class).checkYear()).isEqualTo(2026);
            assertThat(probe.drain(r -> gasId.equals(r.key()), Duration.ofSeconds(1))).hasSize(1);
        }
    }

    @Test
    void replayedAndDuplicatedLedgerEventsChangeNothing() {
        String street = newStreet();
        ProblemIdentified a = identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT);
        ProblemIdentified b = identified("H02", building(street, 1, 2), "1", RectificationClass.BEST_EFFORT);
        UUID aEvent = UUID.randomUUID();
        UUID bEvent = UUID.randomUUID();
        ProblemStatusChanged dismissB = changed(b, "DISMISS", "IDENTIFIED", "DISMISSED", 2);
        UUID dismissEvent = UUID.randomUUID();
        deliver(aEvent, a);
        deliver(aEvent, a);
        deliver(bEvent, b);
        awaitProblems(street, 2);
        deliver(dismissEvent, dismissB);
        deliver(dismissEvent, dismissB);
        awaitProblems(street, 1);
        String before = snapshot(street);

        // the whole stream again: same event ids, and the same facts under new event ids
        deliver(aEvent, a);
        deliver(bEvent, b);
        deliver(dismissEvent, dismissB);
        deliver(a);
        deliver(b);
        deliver(dismissB);
        deliver(changed(b, "CONFIRM", "IDENTIFIED", "CONFIRMED", 1));
        // a marker on the same key, in another street: handled only after all of the above
        String marker = newStreet();
        deliver(a.areaCode(), UUID.randomUUID(), identified("H02", building(marker, 1, 1), "1",
                RectificationClass.BEST_EFFORT));
        awaitProblems(marker, 1);

        assertThat(snapshot(street)).isEqualTo(before);
        assertThat(activeProjects(street).get(0).get("links").get(0).get("problemId").asString())
                .isEqualTo(a.problemId().toString());
    }

    @Test
    void dismissedAndVerifiedProblemsLeaveTheirDraftAnEmptiedDraftIsCancelledAReopenedProblemIsDraftedAgain() {
        String street = newStreet();
        ProblemIdentified a = identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT);
        ProblemIdentified b = identified("H02", building(street, 1, 2), "1", RectificationClass.BEST_EFFORT);
        deliver(a);
        deliver(b);
        String draft = awaitProblems(street, 2).get(0).get("id").asString();

        deliver(changed(a, "DISMISS", "IDENTIFIED", "DISMISSED", 2));
        JsonNode left = awaitProblems(street, 1).get(0);
        assertThat(left.get("id").asString()).isEqualTo(draft);
        assertThat(left.get("scale").asString()).isEqualTo("1 栋");
        assertThat(left.get("expectedEffect").asString()).isEqualTo("H02 −1");

        deliver(changed(b, "VERIFY", "REPORTED_FIXED", "VERIFIED", 6));
        awaitProblems(street, 0);
        JsonNode cancelled = project(draft);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(historyActions(draft)).containsExactly("DRAFTED", "PROBLEM_JOINED", "PROBLEM_LEFT", "PROBLEM_LEFT",
                "CANCEL");

        deliver(changed(b, "REOPEN", "VERIFIED", "REOPENED", 7));
        JsonNode again = awaitProblems(street, 1).get(0);
        assertThat(again.get("id").asString()).isNotEqualTo(draft);
        assertThat(again.get("links").get(0).get("problemId").asString()).isEqualTo(b.problemId().toString());
    }

    @Test
    void aProblemCarriedOverLeavesThisYearsDraftAndJoinsNextYearsLibrary() {
        String street = newStreet();
        ProblemIdentified a = identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT);
        deliver(a);
        String draft = awaitProblems(street, 1).get(0).get("id").asString();
        UUID carriedId = UUID.randomUUID();

        deliver(new ProblemStatusChanged(carriedId, 2026, a.areaCode(), "H02", "CARRIED_OVER", "CONFIRMED", "CONFIRMED",
                RectificationClass.BEST_EFFORT, null, null, "结转自上一年度", null, "system:carry-over", 1,
                java.time.Instant.now()));

        awaitProblems(street, 0);
        assertThat(project(draft).get("status").asString()).isEqualTo("CANCELLED");
        JsonNode next = org.awaitility.Awaitility.await().atMost(WAIT).until(
                () -> get("admin", "/api/projects?areaCode={a}&planYear=2027", street), list -> list.size() == 1).get(0);
        assertThat(next.get("checkYear").asInt()).isEqualTo(2026);
        assertThat(next.get("links").get(0).get("problemId").asString()).isEqualTo(carriedId.toString());
    }

    @Test
    void aProblemBelongsToOneActiveProjectOnly() throws SQLException {
        String street = newStreet();
        ProblemIdentified a = identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT);
        deliver(a);
        String draft = awaitProblems(street, 1).get(0).get("id").asString();
        Map<String, Object> byHand = body("checkYear", 2025, "name", "手工项目", "type", "FACILITY_CONSTRUCTION",
                "areaCodes", List.of(street), "constructionContent", "改造", "department", "housing",
                "problemIds", List.of(a.problemId()));

        as("nanchang-official").post().uri("/api/projects").bodyValue(byHand).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5010");
        byHand.put("problemIds", List.of(UUID.randomUUID()));
        as("nanchang-official").post().uri("/api/projects").bodyValue(byHand).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5011");

        // a project by hand without problems is fine; linking the problem to it in the database is refused
        byHand.put("problemIds", List.of());
        String other = json.readTree(as("nanchang-official").post().uri("/api/projects").bodyValue(byHand).exchange()
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody()).get("id").asString();
        assertThatThrownBy(() -> sql("insert into project_problem (project_id, problem_id, indicator_code, "
                + "indicator_name_zh, area_code, quantity, time_limited, done, active) values ('" + other + "', '"
                + a.problemId() + "', 'H02', 'x', '" + street + "', 1, false, false, true)"))
                .hasMessageContaining("project_problem_active");
        assertThat(project(draft).get("links")).hasSize(1);
        assertThat(project(other).get("links")).isEmpty();
    }

    @Test
    void draftsAreNamedAfterTheAreasTheCatalogCopyKnows() {
        String street = newStreet();
        KafkaProbe.send(Topics.CATALOG_AREAS, street, json.writeValueAsString(new org.tijian.contracts.catalog.AreaDefined(
                street, "公园路街道", org.tijian.contracts.AreaLevel.STREET, street.substring(0, 6), null, null, null, null,
                null)), Map.of());
        org.awaitility.Awaitility.await().atMost(WAIT).untilAsserted(() -> as("admin").get()
                .uri("/api/projects/catalog/areas/{code}", street).exchange().expectStatus().isOk());

        deliver(identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT));

        JsonNode draft = awaitProblems(street, 1).get(0);
        assertThat(draft.get("name").asString()).isEqualTo("公园路街道燃气管道老化更新改造项目");
        assertThat(draft.get("constructionContent").asString()).startsWith("对公园路街道1 栋");
    }
}
