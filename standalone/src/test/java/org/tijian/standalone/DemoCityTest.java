package org.tijian.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoCityTest {

    @Test
    void anObservationIsTheJsonTheIntakeApiTakes() {
        DemoCity.Observation observation = new DemoCity.Observation("3601", "U01", "64", "%");

        assertEquals("{\"checkYear\":2025,\"areaCode\":\"3601\",\"dataElement\":\"U01\",\"value\":64,\"unit\":\"%\"}",
                observation.json(2025));
    }

    @Test
    void theCityAndThreeDistrictsAreCovered() {
        Set<String> areas = DemoCity.OBSERVATIONS.stream().map(DemoCity.Observation::areaCode).collect(Collectors.toSet());

        assertEquals(Set.of("3601", "360102", "360103", "360104"), areas);
    }

    @Test
    void everyValueIsAJsonNumber() {
        for (DemoCity.Observation observation : DemoCity.OBSERVATIONS) {
            assertTrue(observation.value().matches("\\d+(\\.\\d+)?"), observation.toString());
        }
    }
}
