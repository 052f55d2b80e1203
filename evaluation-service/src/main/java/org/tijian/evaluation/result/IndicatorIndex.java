package org.tijian.evaluation.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorDefined.Computation;

/**
 * The catalog as evaluation looks it up: indicators by code (retired ones included, so their results can still be
 * published), and which indicators in use a reported data element feeds: those computed from it, and the indicator
 * whose own code it is (a department may report an indicator's value directly).
 */
public record IndicatorIndex(String catalogVersion, Map<String, IndicatorDefined> byCode,
        Map<String, List<IndicatorDefined>> byDataElement) {

    public static IndicatorIndex of(String catalogVersion, List<IndicatorDefined> indicators) {
        Map<String, IndicatorDefined> byCode = new HashMap<>();
        Map<String, List<IndicatorDefined>> byElement = new HashMap<>();
        for (IndicatorDefined indicator : indicators) {
            byCode.put(indicator.code(), indicator);
            if (indicator.retired()) {
                continue;
            }
            byElement.computeIfAbsent(indicator.code(), e -> new ArrayList<>()).add(indicator);
            for (String element : inputs(indicator.computation())) {
                byElement.computeIfAbsent(element, e -> new ArrayList<>()).add(indicator);
            }
        }
        return new IndicatorIndex(catalogVersion, Map.copyOf(byCode), Map.copyOf(byElement));
    }

    /** The data elements an indicator is computed from. */
    public static Set<String> inputs(Computation computation) {
        Set<String> elements = new LinkedHashSet<>();
        for (String element : new String[] {computation.value(), computation.numerator(), computation.denominator()}) {
            if (element != null) {
                elements.add(element);
            }
        }
        return elements;
    }

    public IndicatorDefined find(String code) {
        return byCode.get(code);
    }

    public List<IndicatorDefined> usingElement(String dataElement) {
        return byDataElement.getOrDefault(dataElement, List.of());
    }
}
