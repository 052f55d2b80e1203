package org.tijian.intake.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Topics;
import org.tijian.contracts.catalog.AreaDefined;
import org.tijian.testing.KafkaProbe;
import org.tijian.testing.TijianIntegrationTest;
import tools.jackson.databind.json.JsonMapper;

/** Intake keeps its own copy of the area tree from the compacted topic the evaluation service publishes. */
@TijianIntegrationTest(database = "intake_areas_it")
class AreaCopyIT {

    private final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    DatabaseClient db;
    @Autowired
    AreaCopy copy;

    private long copied(String prefix) {
        return db.sql("select count(*) as n from area_copy where code like :prefix").bind("prefix", prefix + "%")
                .map(row -> row.get("n", Long.class)).one().block();
    }

    @Test
    void copyFollowsTheTopicIncludingLaterChanges() {
        String street = "360102" + (100 + (int) (Math.random() * 899));
        Map<String, String> records = new LinkedHashMap<>();
        records.put(street, json.writeValueAsString(new AreaDefined(street, "测试街道", AreaLevel.STREET, "360102", null, null,
                null, null, null)));
        for (int community = 1; community <= 300; community++) {
            String code = street + "%03d".formatted(community);
            records.put(code, json.writeValueAsString(new AreaDefined(code, "第" + community + "社区", AreaLevel.COMMUNITY,
                    street, null, 3000L + community, null, null, null)));
        }

        KafkaProbe.sendAll(Topics.CATALOG_AREAS, records, Map.of());
        KafkaProbe.sendAll(Topics.CATALOG_AREAS, Map.of(street + "001", json.writeValueAsString(new AreaDefined(
                street + "001", "第一社区（更名）", AreaLevel.COMMUNITY, street, null, 3100L, null, null, null)),
                street + "999", "{not json"),
                Map.of());

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> copied(street) == 301);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "第一社区（更名）".equals(copy.find(street + "001").block().nameZh()));
        AreaDefined changed = copy.find(street + "001").block();
        assertThat(changed.population()).isEqualTo(3100L);
        assertThat(changed.parentCode()).isEqualTo(street);
        assertThat(copy.find(street + "300").block().level()).isEqualTo(AreaLevel.COMMUNITY);
    }
}
