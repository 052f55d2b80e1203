package org.tijian.evaluation.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.catalog.IndicatorDefined;

/** The built-in catalog (catalog/national-basic-indicators.json) must agree with the CSV it extends, and be valid. */
class NationalBasicIndicatorsJsonTest {

    private final List<IndicatorDefined> builtIn = ShippedCatalog.builtIn();
    private final Map<String, Map<String, String>> csv = ShippedCatalog.csv();

    @Test
    void shipsTheSixtyOneIndicatorsOfTheCsvWithTheirDimensions() {
        assertThat(builtIn).extracting(IndicatorDefined::code).containsExactlyElementsOf(csv.keySet());
        Map<Dimension, Long> perDimension = builtIn.stream()
                .collect(Collectors.groupingBy(IndicatorDefined::dimension, Collectors.counting()));
        assertThat(perDimension).containsExactlyInAnyOrderEntriesOf(Map.of(Dimension.HOUSING, 10L,
                Dimension.COMMUNITY, 12L, Dimension.BLOCK, 8L, Dimension.CITY, 31L));
        for (IndicatorDefined indicator : builtIn) {
            Map<String, String> row = csv.get(indicator.code());
            assertThat(indicator.nameZh()).as(indicator.code()).isEqualTo(row.get("name_zh"));
            assertThat(indicator.nameEn()).as(indicator.code()).isEqualTo(row.get("name_en"));
            assertThat(indicator.dimension().name()).as(indicator.code()).isEqualTo(row.get("dimension"));
            assertThat(indicator.categoryZh()).as(indicator.code()).isEqualTo(row.get("category_zh"));
            assertThat(indicator.unit()).as(indicator.code()).isEqualTo(row.get("unit"));
            assertThat(indicator.direction().name()).as(indicator.code()).isEqualTo(row.get("direction"));
            assertThat(indicator.defaultRectificationClass().name()).as(indicator.code())
                    .isEqualTo(row.get("default_rectification_class"));
        }
    }

    @Test
    void standardsForBothCheckYearsSayWhatTheCsvSays() {
        for (IndicatorDefined indicator : builtIn) {
            Set<String> expected = ShippedCatalog.standards(csv.get(indicator.code()).get("standard"));
            for (int year : new int[] {2024, 2025}) {
                assertThat(ShippedCatalog.standardsOfYear(indicator, year)).as("%s %d", indicator.code(), year)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void everyIndicatorPassesTheCatalogRulesAndDeclaresEachDataElementOnce() {
        Set<String> allElements = new HashSet<>();
        for (IndicatorDefined indicator : builtIn) {
            assertThat(IndicatorRules.check(indicator)).as(indicator.code()).isEmpty();
            assertThat(indicator.rectificationSuggestionZh()).as(indicator.code()).isNotBlank();
            assertThat(indicator.responsibleDepartmentZh()).as(indicator.code()).isNotBlank();
            assertThat(indicator.acquisitionMethods()).as(indicator.code()).isNotEmpty();
            for (IndicatorDefined.DataElement element : indicator.dataElements()) {
                assertThat(allElements.add(element.code())).as("data element %s is declared once", element.code()).isTrue();
            }
        }
        Map<String, IndicatorDefined> byCode = builtIn.stream()
                .collect(Collectors.toMap(IndicatorDefined::code, Function.identity()));
        assertThat(byCode.get("U01").computation().numerator()).isEqualTo("U01_COLLECTED");
        assertThat(byCode.get("H02").computation().findingType()).isEqualTo("GAS_HAZARD");
    }
}
