package org.tijian.evaluation.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tijian.contracts.catalog.IndicatorDefined;

/** Which indicators a report lists, and in which order. */
public final class ReportIndicators {

    /** The category of an indicator that names none. */
    public static final String NO_CATEGORY = "其他";

    private static final Comparator<IndicatorDefined> CATALOG_ORDER = Comparator
            .comparing(IndicatorDefined::dimension)
            .thenComparing(IndicatorDefined::systemKind)
            .thenComparing(IndicatorDefined::code);

    private ReportIndicators() {
    }

    /**
     * Whether an indicator is part of a city's check: in use (not retired) and either a national basic indicator or
     * one its province or the city itself added. Special-check (专项体检) indicators are not part of the yearly check.
     */
    public static boolean appliesToCity(IndicatorDefined indicator, String cityCode, String provinceCode) {
        if (indicator.retired()) {
            return false;
        }
        return switch (indicator.systemKind()) {
            case NATIONAL_BASIC -> true;
            case SPECIAL_CHECK -> false;
            case PROVINCIAL, CITY_SPECIFIC -> indicator.ownerAreaCode() != null
                    && (indicator.ownerAreaCode().equals(cityCode) || indicator.ownerAreaCode().equals(provinceCode));
        };
    }

    /** Whether an indicator applies to every city of a province alike, so that the cities can be compared by it. */
    public static boolean appliesToProvince(IndicatorDefined indicator, String provinceCode) {
        if (indicator.retired()) {
            return false;
        }
        return switch (indicator.systemKind()) {
            case NATIONAL_BASIC -> true;
            case PROVINCIAL -> Objects.equals(indicator.ownerAreaCode(), provinceCode);
            case CITY_SPECIFIC, SPECIAL_CHECK -> false;
        };
    }

    public static String category(IndicatorDefined indicator) {
        return indicator.categoryZh() == null || indicator.categoryZh().isBlank() ? NO_CATEGORY : indicator.categoryZh();
    }

    /**
     * The order of every report: by dimension (住房, 小区(社区), 街区, 城区(城市)); within one, categories as they first
     * appear in the catalog (national indicators before provincial and city ones, by code); within a category, core
     * indicators first, then by code.
     */
    public static List<IndicatorDefined> inReportOrder(Collection<IndicatorDefined> indicators) {
        Map<String, Integer> categoryRank = new HashMap<>();
        indicators.stream().sorted(CATALOG_ORDER)
                .forEach(i -> categoryRank.putIfAbsent(i.dimension() + "\u0000" + category(i), categoryRank.size()));
        return indicators.stream()
                .sorted(Comparator.comparing(IndicatorDefined::dimension)
                        .thenComparing(i -> categoryRank.get(i.dimension() + "\u0000" + category(i)))
                        .thenComparing(i -> !i.core())
                        .thenComparing(IndicatorDefined::code))
                .toList();
    }
}
