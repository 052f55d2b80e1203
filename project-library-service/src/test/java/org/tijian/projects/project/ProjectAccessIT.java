package org.tijian.projects.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.RectificationClass;
import org.tijian.kit.security.Role;
import org.tijian.kit.security.dev.DemoUser;
import org.tijian.projects.ProjectsIntegrationTest;
import tools.jackson.databind.JsonNode;

class ProjectAccessIT extends ProjectsIntegrationTest {

    private static final DemoUser JIUJIANG_OFFICIAL = new DemoUser("jiujiang-official", "九江市城市体检工作专班",
            List.of(Role.CITY_OFFICIAL), null, List.of("3604"), null);

    @Test
    void withoutATokenEverythingIs401AndOthersGet403WithAReason() {
        String street = newStreet();
        deliver(identified("H02", building(street, 1, 1), "1", RectificationClass.BEST_EFFORT));
        JsonNode draft = awaitProblems(street, 1).get(0);
        String id = draft.get("id").asString();
        long version = draft.get("version").asLong();

        anonymous().get().uri("/api/projects?planYear=2026").exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.code").isEqualTo("COMMON_E0401");
        anonymous().get().uri("/api/projects/library.xlsx").exchange().expectStatus().isUnauthorized();

        as("donghu-official").patch().uri("/api/projects/{id}", id)
                .bodyValue(body("name", "x", "expectedVersion", version)).exchange()
                .expectStatus().isForbidden().expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5014");
        as(JIUJIANG_OFFICIAL).post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "SUBMIT", "expectedVersion", version)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5015");
        as("approver").post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "SUBMIT", "expectedVersion", version)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5014");
        as("nanchang-official").post().uri("/api/projects/batches")
                .bodyValue(body("planYear", 2026, "areaCode", street)).exchange().expectStatus().isOk();
        as("nanchang-official").post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "APPROVE", "resolutionNumber", "x", "resolutionDate", "2026-03-01",
                        "expectedVersion", version + 1)).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5014");
        act("approver", id, body("action", "APPROVE", "resolutionNumber", "纪要5号", "resolutionDate", "2026-03-01"));
        act("nanchang-official", id, body("action", "ISSUE"));

        as("water-unit").post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "START", "expectedVersion", project(id).get("version").asLong())).exchange()
                .expectStatus().isForbidden().expectBody()
                .jsonPath("$.code").isEqualTo("PROJECTS_E5016")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("housing"));
        as(HOUSING_UNIT).post().uri("/api/projects/{id}/actions", id)
                .bodyValue(body("action", "CANCEL", "reason", "x", "expectedVersion", project(id).get("version").asLong()))
                .exchange().expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5014");
        act(HOUSING_UNIT, id, body("action", "START"));
        as("water-unit").get().uri("/api/projects/{id}", id).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5016");
        as("operator").get().uri("/api/projects/{id}", id).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5014");
        as("donghu-official").get().uri("/api/projects/{id}", id).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5015");

        // a unit's list holds only its department's projects; a reviewer reads all
        JsonNode housing = get("admin",
                "/api/projects?areaCode={a}&planYear=2026&department=housing", street);
        assertThat(housing).hasSize(1);
        byte[] unitList = as(HOUSING_UNIT).get().uri("/api/projects?planYear=2026&limit=1000").exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        json.readTree(unitList).forEach(p -> assertThat(p.get("department").asString()).isEqualTo("housing"));
        as("water-unit").get().uri("/api/projects?department=housing").exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5016");
        as("province-reviewer").get().uri("/api/projects/{id}", id).exchange().expectStatus().isOk();

        // the list pages: offset skips that many of the same order
        JsonNode all = get("province-reviewer", "/api/projects?limit=1000");
        assertThat(all.size()).isPositive();
        for (int i = 0; i < all.size(); i++) {
            JsonNode page = get("province-reviewer", "/api/projects?limit=1&offset=" + i);
            assertThat(page).hasSize(1);
            assertThat(page.get(0).get("id").asString()).isEqualTo(all.get(i).get("id").asString());
        }
        assertThat(get("province-reviewer", "/api/projects?limit=1&offset=" + all.size())).isEmpty();
    }

    @Test
    void badQueriesAreProblemJsonNever500() {
        as("nanchang-official").get().uri("/api/projects?areaCode=36x1").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5017");
        as("nanchang-official").get().uri("/api/projects?status=DONE").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5017");
        as("nanchang-official").get().uri("/api/projects?limit=0").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5017");
        as("nanchang-official").get().uri("/api/projects?offset=-1").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5017");
        as("nanchang-official").get().uri("/api/projects/library.csv?lang=fr").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5017");
        as("nanchang-official").get().uri("/api/projects?planYear=next").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        as("nanchang-official").post().uri("/api/projects").bodyValue(body("checkYear", 2025, "name", "x")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5018");
        as("nanchang-official").post().uri("/api/projects").bodyValue(body("checkYear", 2025, "name", "x",
                        "type", "FACILITY_CONSTRUCTION", "areaCodes", List.of("3601"), "constructionContent", "y",
                        "startYear", 2027, "endYear", 2026)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5018");
        as("nanchang-official").post().uri("/api/projects").bodyValue(body("checkYear", 20250, "name", "x",
                        "type", "FACILITY_CONSTRUCTION", "areaCodes", List.of("3601"), "constructionContent", "y")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5018");
        as("nanchang-official").post().uri("/api/projects/{id}/merge", java.util.UUID.randomUUID())
                .bodyValue("{\"otherIds\": [null], \"expectedVersion\": 1}").header("Content-Type", "application/json")
                .exchange().expectStatus().isEqualTo(422).expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5013");
        as("nanchang-official").post().uri("/api/projects").header("Content-Type", "application/json")
                .bodyValue("{\"checkYear\": 2025, \"investmentWan\": \"viel\"}").exchange()
                .expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
        as("nanchang-official").post().uri("/api/projects/batches").bodyValue(body("planYear", 2026)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5018");
        as("approver").post().uri("/api/projects/batches/{id}/decision", java.util.UUID.randomUUID())
                .bodyValue(body("action", "APPROVE", "resolutionNumber", "x", "resolutionDate", "2026-01-01")).exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("PROJECTS_E5001");
    }
}
