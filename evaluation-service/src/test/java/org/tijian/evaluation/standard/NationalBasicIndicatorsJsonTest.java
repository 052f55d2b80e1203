package org.tijian.evaluation.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The enriched catalog data (catalog/national-basic-indicators.json) must agree with the CSV it extends. */
class NationalBasicIndicatorsJsonTest {

    @Test
    void everyIndicatorMatchesTheCsvAndNamesOnlyDeclaredDataElements() throws Exception {
        JsonNode catalog = JsonMapper.builder().build()
                .readTree(getClass().getResourceAsStream("/catalog/national-basic-indicators.json"));
        IndicatorCatalog csv = IndicatorCatalog.fromCsv(new InputStreamReader(
                getClass().getResourceAsStream("/catalog/indicators-national-basic.csv"), StandardCharsets.UTF_8));

        assertThat(catalog.get("indicators").size()).isEqualTo(61);
        Set<String> allElements = new HashSet<>();
        for (JsonNode indicator : catalog.get("indicators")) {
            String code = indicator.get("code").asString();
            EvaluationStandard standard = csv.find(code).orElseThrow();
            assertThat(indicator.get("nameZh").asString()).as(code).isEqualTo(standard.nameZh());
            assertThat(indicator.get("dimension").asString()).as(code).isEqualTo(standard.dimension().name());
            assertThat(indicator.get("unit").asString()).as(code).isEqualTo(standard.unit());

            Set<String> declared = new HashSet<>();
            indicator.get("dataElements").forEach(element -> declared.add(element.get("code").asString()));
            for (String element : declared) {
                assertThat(allElements.add(element)).as("data element %s is declared once in the catalog", element).isTrue();
            }
            JsonNode computation = indicator.get("computation");
            for (String field : new String[] {"numerator", "denominator", "value", "covered", "total"}) {
                if (computation.has(field)) {
                    assertThat(declared).as("%s computation.%s", code, field).contains(computation.get(field).asString());
                }
            }
            Set<Integer> years = new HashSet<>();
            indicator.get("standards").forEach(s -> years.add(s.get("checkYear").asInt()));
            assertThat(years).as(code).containsExactlyInAnyOrder(2024, 2025);
        }
    }
}
