package org.tijian.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KubernetesManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"city", "province"})
    void everyRenderedManifestMatchesItsModel(String overlay) throws Exception {
        List<JsonNode> manifests = render(overlay);

        List<String> problems = new ArrayList<>();
        manifests.forEach(m -> problems.addAll(ManifestSchema.problems(m)));

        assertThat(problems).isEmpty();
        assertThat(kinds(manifests)).contains("Deployment", "Service", "PodDisruptionBudget", "HorizontalPodAutoscaler",
                "NetworkPolicy", "Kafka", "KafkaNodePool", "KafkaTopic");
    }

    @ParameterizedTest
    @ValueSource(strings = {"city", "province"})
    void noServiceScalesBeyondThePartitionsOfItsTopics(String overlay) throws Exception {
        List<JsonNode> manifests = render(overlay);
        int partitions = manifests.stream().filter(m -> m.path("kind").asText().equals("KafkaTopic"))
                .mapToInt(m -> m.path("spec").path("partitions").asInt()).min().orElseThrow();
        manifests.stream().filter(m -> m.path("kind").asText().equals("HorizontalPodAutoscaler")).forEach(hpa ->
                assertThat(hpa.path("spec").path("maxReplicas").asInt()).as(hpa.path("metadata").path("name").asText())
                        .isLessThanOrEqualTo(partitions));
        manifests.stream().filter(m -> m.path("kind").asText().equals("Deployment")).forEach(deployment -> {
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").path(0);
            assertThat(container.has("readinessProbe") && container.has("livenessProbe")
                    && container.path("resources").has("requests") && container.path("resources").has("limits"))
                    .as(deployment.path("metadata").path("name").asText()).isTrue();
        });
    }

    @Test
    void aMisspelledFieldIsCaught() throws Exception {
        JsonNode deployment = render("city").stream().filter(m -> m.path("kind").asText().equals("Deployment"))
                .findFirst().orElseThrow();
        ObjectNode container = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").path(0);
        container.set("readinesProbe", container.remove("readinessProbe"));

        assertThat(ManifestSchema.problems(deployment)).singleElement().asString().contains("readinesProbe");
    }

    @Test
    void aWrongValueInAStrimziResourceIsCaught() throws Exception {
        JsonNode kafka = render("city").stream().filter(m -> m.path("kind").asText().equals("Kafka"))
                .findFirst().orElseThrow();
        ((ObjectNode) kafka.path("spec").path("kafka").path("listeners").path(0)).put("type", "internall");
        ((ObjectNode) kafka.path("spec").path("kafka")).put("replica", 3);

        assertThat(ManifestSchema.problems(kafka)).isNotEmpty();
    }

    private static List<JsonNode> render(String overlay) throws Exception {
        return ManifestSchema.documents(Commands.run(Commands.ROOT, "kubectl", "kustomize",
                "deploy/kubernetes/overlays/" + overlay));
    }

    private static List<String> kinds(List<JsonNode> manifests) {
        return manifests.stream().map(m -> m.path("kind").asText()).distinct().toList();
    }
}
