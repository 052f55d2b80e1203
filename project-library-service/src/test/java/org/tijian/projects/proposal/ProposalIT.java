package org.tijian.projects.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tijian.contracts.Topics;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.projects.ProjectProposed;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TestInfrastructure;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

@TijianIntegrationTest(database = "projects_it")
class ProposalIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    private void deliver(ProblemIdentified problem) {
        KafkaProbe.send(Topics.LEDGER_PROBLEMS, problem.areaCode(), json.writeValueAsString(problem),
                Map.of(CloudEventHeaders.ID, UUID.randomUUID().toString()));
    }

    @Test
    void identifiedProblemBecomesOneDraftProjectEvenIfAnnouncedTwice() {
        ProblemIdentified problem = ProjectProposalTest.problem("360102" + (100 + (int) (Math.random() * 899)));

        deliver(problem);
        deliver(problem);

        try (KafkaProbe probe = KafkaProbe.on(Topics.PROJECTS_LIFECYCLE)) {
            var matching = probe.await(1, r -> KafkaProbe.text(r).contains(problem.problemId().toString()),
                    Duration.ofSeconds(30));
            ProjectProposed proposed = json.readValue(matching.get(0).value(), ProjectProposed.class);
            assertThat(matching.get(0).key()).isEqualTo(proposed.projectId().toString());
            assertThat(proposed.problemIds()).containsExactly(problem.problemId());
            assertThat(probe.drain(r -> KafkaProbe.text(r).contains(problem.problemId().toString()),
                    Duration.ofSeconds(1))).hasSize(1);

            WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                    .get().uri("/api/projects/proposals/{id}", proposed.projectId())
                    .header("Authorization", "Bearer " + TestInfrastructure.get().tokens().tokenFor("approver"))
                    .exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DRAFT")
                    .jsonPath("$.checkYear").isEqualTo(2026)
                    .jsonPath("$.problemIds[0]").isEqualTo(problem.problemId().toString());
        }
    }
}
