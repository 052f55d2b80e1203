package org.tijian.evaluation.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.tijian.contracts.catalog.CityClass;
import org.tijian.contracts.catalog.CitySizeClass;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.Grade;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.StandardOperator;

/**
 * Checks one indicator definition on its own: required fields, a computation that names declared
 * data elements, units that agree with the computation, and standards that can be applied. Checks
 * that need the rest of the catalog (unique codes, a data element's unit in other indicators) are
 * the catalog service's.
 */
public final class IndicatorRules {

    /** Indicator and data element codes, e.g. {@code U01}, {@code U01_COLLECTED}, {@code NC-T01}. */
    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{1,31}");
    public static final int FIRST_CHECK_YEAR = 2020;
    public static final int LAST_CHECK_YEAR = 2100;

    /** Units that count items (栋, 个, ...): an ITEM_COUNT indicator counts findings in one of them. */
    static final Set<String> COUNT_UNITS =
            Set.of("个", "栋", "套", "条", "起", "处", "户", "座", "次", "家", "所", "辆", "块", "项", "栋次", "人");

    public record Violation(String field, IndicatorError error, List<Object> arguments) {

        static Violation of(String field, IndicatorError error, Object... arguments) {
            return new Violation(field, error, List.of(arguments));
        }
    }

    public static List<Violation> check(IndicatorDefined indicator) {
        List<Violation> violations = new ArrayList<>();
        if (indicator.code() == null) {
            violations.add(Violation.of("code", IndicatorError.MISSING_FIELD, "code"));
        } else if (!CODE.matcher(indicator.code()).matches()) {
            violations.add(Violation.of("code", IndicatorError.MALFORMED_CODE, indicator.code()));
        }
        required(violations, "nameZh", indicator.nameZh());
        required(violations, "categoryZh", indicator.categoryZh());
        required(violations, "unit", indicator.unit());
        required(violations, "dimension", indicator.dimension());
        required(violations, "direction", indicator.direction());
        required(violations, "checkCycle", indicator.checkCycle());
        required(violations, "evaluationLevel", indicator.evaluationLevel());
        required(violations, "defaultRectificationClass", indicator.defaultRectificationClass());
        if (indicator.acquisitionMethods() == null || indicator.acquisitionMethods().isEmpty()) {
            violations.add(Violation.of("acquisitionMethods", IndicatorError.MISSING_FIELD, "acquisitionMethods"));
        }
        Map<String, String> elementUnits = dataElements(indicator, violations);
        if (indicator.computation() == null || indicator.computation().type() == null) {
            violations.add(Violation.of("computation.type", IndicatorError.MISSING_FIELD, "computation.type"));
        } else if (indicator.unit() != null) {
            computation(indicator, elementUnits, violations);
        }
        standards(indicator, violations);
        gradeBands(indicator, violations);
        return violations;
    }

    private static Map<String, String> dataElements(IndicatorDefined indicator, List<Violation> violations) {
        Map<String, String> units = new HashMap<>();
        List<IndicatorDefined.DataElement> elements = indicator.dataElements() == null ? List.of() : indicator.dataElements();
        for (int i = 0; i < elements.size(); i++) {
            IndicatorDefined.DataElement element = elements.get(i);
            String field = "dataElements[" + i + "]";
            if (element.code() == null || !CODE.matcher(element.code()).matches()) {
                violations.add(Violation.of(field + ".code", IndicatorError.MALFORMED_CODE, element.code()));
                continue;
            }
            required(violations, field + ".nameZh", element.nameZh());
            required(violations, field + ".unit", element.unit());
            if (units.put(element.code(), element.unit()) != null) {
                violations.add(Violation.of(field + ".code", IndicatorError.DUPLICATE_DATA_ELEMENT, element.code()));
            }
        }
        return units;
    }

    private static void computation(IndicatorDefined indicator, Map<String, String> units, List<Violation> violations) {
        IndicatorDefined.Computation computation = indicator.computation();
        ComputationType type = computation.type();
        String unit = indicator.unit();
        switch (type) {
            case ITEM_COUNT -> {
                if (computation.findingType() == null || computation.findingType().isBlank()) {
                    violations.add(Violation.of("computation.findingType", IndicatorError.COMPUTATION_INCOMPLETE, type,
                            "findingType"));
                }
                if (!COUNT_UNITS.contains(unit)) {
                    violations.add(Violation.of("unit", IndicatorError.UNIT_MISMATCH,
                            "计数指标的单位应为计数单位（如 栋、个、处），而不是 " + unit));
                }
            }
            case VALUE, PER_CAPITA -> {
                String valueUnit = element(computation.value(), "computation.value", type, units, violations);
                String expected = type == ComputationType.VALUE ? valueUnit : valueUnit + "/人";
                if (valueUnit != null && !expected.equals(unit)) {
                    violations.add(Violation.of("unit", IndicatorError.UNIT_MISMATCH,
                            "按数据项 " + computation.value() + " 的单位 " + valueUnit + "，指标单位应为 " + expected
                                    + "，而不是 " + unit));
                }
            }
            case RATIO, COVERAGE -> {
                String numerator = element(computation.numerator(), "computation.numerator", type, units, violations);
                String denominator = element(computation.denominator(), "computation.denominator", type, units, violations);
                if (numerator == null || denominator == null) {
                    return;
                }
                BigDecimal scale = computation.scale();
                if (scale != null && scale.compareTo(new BigDecimal(100)) == 0) {
                    if (!numerator.equals(denominator)) {
                        violations.add(Violation.of("computation", IndicatorError.UNIT_MISMATCH,
                                "百分比的分子单位 " + numerator + " 与分母单位 " + denominator + " 不同"));
                    }
                    if (!"%".equals(unit)) {
                        violations.add(Violation.of("unit", IndicatorError.UNIT_MISMATCH,
                                "乘以 100 的比率单位应为 %，而不是 " + unit));
                    }
                } else if (scale == null && !unit.equals(numerator + "/" + denominator) && !numerator.equals(denominator)) {
                    violations.add(Violation.of("unit", IndicatorError.UNIT_MISMATCH,
                            "比率的单位应为 " + numerator + "/" + denominator + "，而不是 " + unit));
                } else if (type == ComputationType.COVERAGE) {
                    violations.add(Violation.of("computation.scale", IndicatorError.UNIT_MISMATCH,
                            "覆盖率应以百分比表示（scale 为 100）"));
                }
            }
        }
    }

    private static String element(String code, String field, ComputationType type, Map<String, String> units,
            List<Violation> violations) {
        if (code == null || code.isBlank()) {
            violations.add(Violation.of(field, IndicatorError.COMPUTATION_INCOMPLETE, type, field.substring(12)));
            return null;
        }
        String unit = units.get(code);
        if (unit == null) {
            violations.add(Violation.of(field, IndicatorError.UNDECLARED_DATA_ELEMENT, code));
        }
        return unit;
    }

    private static void standards(IndicatorDefined indicator, List<Violation> violations) {
        List<IndicatorDefined.Standard> standards = indicator.standards() == null ? List.of() : indicator.standards();
        boolean percentage = "%".equals(indicator.unit());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < standards.size(); i++) {
            IndicatorDefined.Standard standard = standards.get(i);
            String field = "standards[" + i + "]";
            if (standard.checkYear() < FIRST_CHECK_YEAR || standard.checkYear() > LAST_CHECK_YEAR) {
                violations.add(Violation.of(field + ".checkYear", IndicatorError.CHECK_YEAR_OUT_OF_RANGE,
                        standard.checkYear()));
            }
            if (standard.cityClass() != null && !isConstant(CityClass.class, standard.cityClass())) {
                violations.add(Violation.of(field + ".cityClass", IndicatorError.UNKNOWN_CLASS, standard.cityClass()));
            }
            if (standard.sizeClass() != null && !isConstant(CitySizeClass.class, standard.sizeClass())) {
                violations.add(Violation.of(field + ".sizeClass", IndicatorError.UNKNOWN_CLASS, standard.sizeClass()));
            }
            if (!seen.add(standard.checkYear() + "/" + standard.cityClass() + "/" + standard.sizeClass())) {
                violations.add(Violation.of(field, IndicatorError.DUPLICATE_STANDARD, standard.checkYear()));
            }
            threshold(standard, field, percentage, violations);
        }
    }

    private static void threshold(IndicatorDefined.Standard standard, String field, boolean percentage,
            List<Violation> violations) {
        StandardOperator operator = standard.operator();
        if (operator == null) {
            violations.add(Violation.of(field + ".operator", IndicatorError.MISSING_FIELD, field + ".operator"));
            return;
        }
        if (operator == StandardOperator.NOT_GRADED) {
            if (standard.threshold() != null || standard.upperThreshold() != null) {
                violations.add(Violation.of(field, IndicatorError.STANDARD_THRESHOLD, field, "不评价的标准不应有阈值"));
            }
            return;
        }
        if (standard.threshold() == null) {
            violations.add(Violation.of(field + ".threshold", IndicatorError.STANDARD_THRESHOLD, field, "缺少阈值"));
            return;
        }
        if (operator == StandardOperator.BETWEEN) {
            if (standard.upperThreshold() == null || standard.upperThreshold().compareTo(standard.threshold()) < 0) {
                violations.add(Violation.of(field + ".upperThreshold", IndicatorError.STANDARD_THRESHOLD, field,
                        "区间标准需要不小于下限的上限"));
            }
        } else if (standard.upperThreshold() != null) {
            violations.add(Violation.of(field + ".upperThreshold", IndicatorError.STANDARD_THRESHOLD, field,
                    "只有区间标准（BETWEEN）有上限"));
        }
        for (BigDecimal limit : new BigDecimal[] {standard.threshold(), standard.upperThreshold()}) {
            if (limit != null && percentage && (limit.signum() < 0 || limit.compareTo(new BigDecimal(100)) > 0)) {
                violations.add(Violation.of(field + ".threshold", IndicatorError.STANDARD_THRESHOLD, field,
                        "百分比阈值应在 0 到 100 之间"));
            }
        }
    }

    private static void gradeBands(IndicatorDefined indicator, List<Violation> violations) {
        List<IndicatorDefined.GradeBand> bands = indicator.gradeBands() == null ? List.of() : indicator.gradeBands();
        if (bands.isEmpty()) {
            return;
        }
        if (indicator.computation() == null || indicator.computation().type() != ComputationType.ITEM_COUNT) {
            violations.add(Violation.of("gradeBands", IndicatorError.GRADE_BANDS, "只有计数指标可以按问题项占比分级"));
            return;
        }
        BigDecimal previous = null;
        Grade previousGrade = null;
        for (IndicatorDefined.GradeBand band : bands) {
            BigDecimal share = band.maxProblemSharePercent();
            if (band.grade() == null || share == null || share.signum() < 0 || share.compareTo(new BigDecimal(100)) > 0
                    || (previous != null && share.compareTo(previous) <= 0)
                    || (previousGrade != null && band.grade().ordinal() <= previousGrade.ordinal())) {
                violations.add(Violation.of("gradeBands", IndicatorError.GRADE_BANDS,
                        "按 优良、中等、不足 的顺序给出递增的问题项占比上限（0–100）"));
                return;
            }
            previous = share;
            previousGrade = band.grade();
        }
    }

    private static <E extends Enum<E>> boolean isConstant(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static void required(List<Violation> violations, String field, Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            violations.add(Violation.of(field, IndicatorError.MISSING_FIELD, field));
        }
    }

    private IndicatorRules() {
    }
}
