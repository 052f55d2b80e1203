package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.ComputationType;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.catalog.IndicatorDefined.Computation;
import org.tijian.contracts.catalog.IndicatorDefined.GradeBand;
import org.tijian.evaluation.indicator.EvaluationStandard;
import org.tijian.evaluation.indicator.Judgment;
import org.tijian.evaluation.result.ResultInputs.ChildTotals;
import org.tijian.evaluation.result.ResultInputs.ReportedFinding;
import org.tijian.evaluation.result.ResultInputs.ReportedValue;

/**
 * Computes one indicator's result for one area and check year from its inputs, by the indicator's computation type:
 *
 * <ul>
 *   <li>ITEM_COUNT: an item (one building for H02) fails when it has a current finding; an area above the item level
 *       counts its failing items from its children's results. Surveys decide what is known: an item never surveyed
 *       and without a finding has no data, and an area with neither findings nor surveyed items has no data.
 *   <li>VALUE: the value reported for the area; above the indicator's level (a street for a compound indicator) the
 *       sum of what its children reported.
 *   <li>RATIO, COVERAGE: numerator / denominator × scale from the area's own figures; above the indicator's level
 *       (a district for a street indicator) from the sums of its children's numerators and denominators (shares of
 *       lengths, areas, counts add up that way).
 *   <li>PER_CAPITA: the reported value / the area's population (常住人口 in the area tree).
 * </ul>
 *
 * A value reported under the indicator's own code (a department that reports the indicator itself) is taken as it is
 * when the figures to compute it from are not all there.
 *
 * Empty when there is nothing to record: no input at all and no earlier result to supersede.
 */
public final class ResultCalculator {

    /** Named in {@code missing} when a per-capita figure lacks the area's population. */
    public static final String POPULATION = "POPULATION";
    /** Named in {@code missing} when no survey covered an item and nothing was found there. */
    public static final String SURVEY = "SURVEY";

    private ResultCalculator() {
    }

    public static Optional<Computed> compute(IndicatorDefined indicator, EvaluationStandard standard, AreaPosition area,
            ResultInputs in, boolean hasCurrent) {
        Computation computation = indicator.computation();
        return switch (computation.type()) {
            case ITEM_COUNT -> itemCount(indicator, standard, area, in, hasCurrent);
            case VALUE -> value(indicator, standard, area, in, hasCurrent);
            case RATIO, COVERAGE -> ratio(indicator, standard, area, in, hasCurrent, computation.numerator(),
                    computation.denominator());
            case PER_CAPITA -> ratio(indicator, standard, area, in, hasCurrent, computation.value(), POPULATION);
        };
    }

    /** The indicator's value as a department reported it under the indicator's own code. */
    private static Computed direct(IndicatorDefined indicator, EvaluationStandard standard, ReportedValue direct) {
        Judgment judgment = standard.judge(direct.value(), "%".equals(indicator.unit()) ? "%" : "");
        return new Computed(direct.value(), indicator.unit(), judgment.verdict(), standard.describe(), judgment.gap(),
                judgment.explanation() + "（直接填报）", null, null, null, null, null, List.of(), null,
                List.of(direct.observationId()), null, null);
    }

    private static Optional<Computed> itemCount(IndicatorDefined indicator, EvaluationStandard standard,
            AreaPosition area, ResultInputs in, boolean hasCurrent) {
        AreaLevel itemLevel = indicator.evaluationLevel();
        boolean isItem = !area.above(itemLevel);
        long own = in.findings().isEmpty() ? 0 : 1;
        long failing = own + in.children().itemsFailing();
        Long total = area.items(itemLevel);
        long covered = isItem ? (in.covered() ? 1 : 0) : in.coveredItems();
        // a finding is itself proof of a survey, even before the survey's coverage has arrived
        long surveyed = Math.max(covered, failing);
        String unit = indicator.unit();
        List<UUID> lineage = in.findings().stream().map(ReportedFinding::findingId).sorted().toList();
        if (surveyed == 0) {
            if (!hasCurrent && !(isItem && in.hadResultLastYear())) {
                return Optional.empty();
            }
            String why = isItem ? "未调查，无问题记录" : "未调查：已调查 0" + ofTotal(total) + " " + unit;
            return Optional.of(noData(indicator, standard, why, List.of(SURVEY), failing, 0L, total, lineage));
        }
        if (isItem && failing == 0 && !hasCurrent && !in.hadResultLastYear()) {
            return Optional.empty();
        }
        BigDecimal value = BigDecimal.valueOf(failing);
        Judgment judgment = standard.judge(value);
        String explanation = failing + " " + unit + "存在问题（已调查 " + surveyed + ofTotal(total) + " " + unit + "）："
                + judgment.explanation();
        String grade = grade(indicator.gradeBands(), failing, surveyed);
        String detail = in.findings().isEmpty() ? null : in.findings().stream()
                .map(f -> f.descriptionZh() == null || f.descriptionZh().isBlank() ? f.findingType() : f.descriptionZh())
                .distinct().collect(Collectors.joining("；"));
        String severity = in.findings().stream().map(ReportedFinding::severity)
                .filter(s -> s != null && !s.isBlank())
                .max(Comparator.comparingInt(ResultCalculator::severityRank)).orElse(null);
        return Optional.of(new Computed(value, unit, judgment.verdict(), standard.describe(), judgment.gap(),
                explanation, failing, surveyed, total, null, null, List.of(), grade, lineage, detail, severity));
    }

    private static Optional<Computed> value(IndicatorDefined indicator, EvaluationStandard standard, AreaPosition area,
            ResultInputs in, boolean hasCurrent) {
        String element = indicator.computation().value();
        ReportedValue own = in.values().get(element);
        AreaLevel level = indicator.evaluationLevel();
        if (own == null && in.values().containsKey(indicator.code())) {
            return Optional.of(direct(indicator, standard, in.values().get(indicator.code())));
        }
        if (own != null) {
            Judgment judgment = standard.judge(own.value());
            return Optional.of(new Computed(own.value(), indicator.unit(), judgment.verdict(), standard.describe(),
                    judgment.gap(), judgment.explanation(), null, area.above(level) ? null : 1L, area.items(level), null,
                    null, List.of(), null, List.of(own.observationId()), null, null));
        }
        // Sums are taken only below the city: a city's figure (a peak-hour speed) is not the sum of its districts'.
        ChildTotals children = in.children();
        if (area.above(level) && level.ordinal() > AreaLevel.CITY.ordinal() && children.valuesReported() > 0) {
            BigDecimal sum = children.valueSum();
            long reported = children.valueItems();
            Long total = area.items(level);
            Judgment judgment = standard.judge(sum);
            String explanation = "合计（" + reported + ofTotal(total) + " 个" + level.nameZh() + "已填报）："
                    + judgment.explanation();
            return Optional.of(new Computed(sum, indicator.unit(), judgment.verdict(), standard.describe(),
                    judgment.gap(), explanation, null, reported, total, null, null, List.of(), null, List.of(), null,
                    null));
        }
        if (!hasCurrent) {
            return Optional.empty();
        }
        return Optional.of(noData(indicator, standard, "缺少数据项 " + element, List.of(element), null, null,
                area.items(level), List.of()));
    }

    private static Optional<Computed> ratio(IndicatorDefined indicator, EvaluationStandard standard, AreaPosition area,
            ResultInputs in, boolean hasCurrent, String numeratorElement, String denominatorElement) {
        ReportedValue numerator = in.values().get(numeratorElement);
        ReportedValue denominator = POPULATION.equals(denominatorElement)
                ? (area.population() == null ? null : new ReportedValue(null, BigDecimal.valueOf(area.population()), "人"))
                : in.values().get(denominatorElement);
        BigDecimal num;
        BigDecimal den;
        List<UUID> lineage = new ArrayList<>();
        String source = "";
        Long reported = null;
        ChildTotals children = in.children();
        if (numerator != null && denominator != null) {
            num = numerator.value();
            den = denominator.value();
            lineage.add(numerator.observationId());
            if (denominator.observationId() != null) {
                lineage.add(denominator.observationId());
            }
        } else if (in.values().containsKey(indicator.code())) {
            return Optional.of(direct(indicator, standard, in.values().get(indicator.code())));
        } else if (area.above(indicator.evaluationLevel()) && children.ratiosReported() > 0) {
            num = children.numeratorSum();
            den = children.denominatorSum();
            reported = children.ratiosReported();
            source = "（" + reported + " 个下级区域合计）";
        } else {
            boolean anyInput = numerator != null || (denominator != null && denominator.observationId() != null);
            if (!hasCurrent && !anyInput) {
                return Optional.empty();
            }
            List<String> missing = new ArrayList<>();
            if (numerator == null) {
                missing.add(numeratorElement);
            }
            if (denominator == null) {
                missing.add(denominatorElement);
            }
            return Optional.of(noData(indicator, standard, "缺少数据项 " + String.join("、", missing), missing, null, null,
                    null, lineage));
        }
        if (den.signum() == 0) {
            return Optional.of(noData(indicator, standard, "分母 " + denominatorElement + " 为 0，无法计算", List.of(denominatorElement),
                    null, null, null, lineage));
        }
        BigDecimal scale = indicator.computation().scale() == null ? BigDecimal.ONE : indicator.computation().scale();
        BigDecimal value = num.multiply(scale).divide(den, 2, RoundingMode.HALF_UP);
        boolean percent = "%".equals(indicator.unit());
        Judgment judgment = standard.judge(value, percent ? "%" : "");
        String scaling = percent || scale.compareTo(BigDecimal.ONE) == 0 ? "" : " × " + Numbers.format(scale);
        String explanation = Numbers.format(num) + " / " + Numbers.format(den) + scaling + " = " + judgment.explanation()
                + source;
        return Optional.of(new Computed(value, indicator.unit(), judgment.verdict(), standard.describe(), judgment.gap(),
                explanation, null, reported, null, num, den, List.of(), null, List.copyOf(lineage), null, null));
    }

    private static Computed noData(IndicatorDefined indicator, EvaluationStandard standard, String why,
            List<String> missing, Long failing, Long surveyed, Long total, List<UUID> lineage) {
        return new Computed(null, indicator.unit(), Verdict.NO_DATA, standard.describe(), null, "无数据：" + why,
                failing, surveyed, total, null, null, List.copyOf(missing), null, lineage, null, null);
    }

    /** The first band whose share of problem items is not exceeded; null without bands or without surveyed items. */
    static String grade(List<GradeBand> bands, long failing, long surveyed) {
        if (bands == null || bands.isEmpty() || surveyed == 0) {
            return null;
        }
        BigDecimal share = BigDecimal.valueOf(failing * 100).divide(BigDecimal.valueOf(surveyed), 4, RoundingMode.HALF_UP);
        return bands.stream().filter(b -> share.compareTo(b.maxProblemSharePercent()) <= 0).findFirst()
                .map(b -> b.grade().name()).orElse(null);
    }

    private static String ofTotal(Long total) {
        return total == null ? "" : " / " + total;
    }

    private static int severityRank(String severity) {
        return switch (severity) {
            case "SEVERE" -> 3;
            case "MAJOR" -> 2;
            case "MINOR" -> 1;
            default -> 0;
        };
    }
}
