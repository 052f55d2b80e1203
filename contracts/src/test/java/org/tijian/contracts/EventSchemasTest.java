package org.tijian.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.contracts.intake.ObservationAccepted;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Schemas in {@code src/main/resources/schemas} are what other teams read; they must match
 * the records. Run with {@code -Dcontracts.writeSchemas=true} to rewrite them after changing an event.
 */
class EventSchemasTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void publishedSchemaMatchesTheRecord(EventType type) throws IOException {
        String expected = EventSchemas.schemaOf(type);
        if (Boolean.getBoolean("contracts.writeSchemas")) {
            Path file = Path.of("src/main/resources" + type.schemaResource());
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        try (InputStream published = getClass().getResourceAsStream(type.schemaResource())) {
            assertThat(published).as("schema file %s", type.schemaResource()).isNotNull();
            assertThat(new String(published.readAllBytes(), StandardCharsets.UTF_8))
                    .as("%s is out of date: run ./mvnw -pl contracts test -Dcontracts.writeSchemas=true", type.schemaResource())
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    @SuppressWarnings("unchecked")
    void schemaIsValidJsonListingEveryField(EventType type) {
        Map<?, ?> schema = json.readValue(EventSchemas.schemaOf(type), Map.class);
        Map<String, ?> properties = (Map<String, ?>) schema.get("properties");
        List<String> components = new ArrayList<>();
        for (var component : type.recordType().getRecordComponents()) {
            components.add(component.getName());
        }
        assertThat(properties.keySet()).containsExactlyElementsOf(components);
    }

    @Test
    void serializedEventHasExactlyTheSchemaProperties() {
        var event = ObservationAccepted.single(UUID.randomUUID(), 2025, "3601", "U01", new BigDecimal("64.0"), "%",
                "water", "alice", Instant.parse("2025-05-01T08:00:00Z"));
        Map<?, ?> serialized = json.readValue(json.writeValueAsString(event), Map.class);
        Map<?, ?> schema = json.readValue(EventSchemas.schemaOf(EventType.OBSERVATION_ACCEPTED), Map.class);

        assertThat(serialized.keySet()).isEqualTo(((Map<?, ?>) schema.get("properties")).keySet());
        assertThat(serialized.get("acceptedAt")).isEqualTo("2025-05-01T08:00:00Z");
        assertThat(json.readValue(json.writeValueAsString(event), ObservationAccepted.class)).isEqualTo(event);
    }

    @Test
    void cloudEventTypeNamesTheModuleRecordAndVersion() {
        assertThat(EventType.OBSERVATION_ACCEPTED.cloudEventType()).isEqualTo("org.tijian.intake.ObservationAccepted.v1");
        assertThat(EventType.of(IndicatorEvaluated.class)).isEqualTo(EventType.INDICATOR_EVALUATED);
        assertThat(EventType.ofCloudEventType("org.tijian.ledger.ProblemIdentified.v1"))
                .isEqualTo(EventType.PROBLEM_IDENTIFIED);
        for (EventType type : EventType.values()) {
            assertThat(EventType.ofCloudEventType(type.cloudEventType())).isEqualTo(type);
        }
        assertThatThrownBy(() -> EventType.ofCloudEventType("org.tijian.ledger.ProblemIdentified.v2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown event type");
        assertThatThrownBy(() -> EventType.ofCloudEventType(null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
