package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.catalog.IndicatorDefined;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.kit.id.TimeOrderedIds;

/**
 * The current judgment of one indicator for one area and check year, with its lineage: the observations it was
 * computed from (or, for an aggregate, its children's results), the standard and the formula with its numbers.
 */
public record IndicatorResult(
        UUID id,
        int checkYear,
        String areaCode,
        String indicatorCode,
        int version,
        BigDecimal value,
        String unit,
        Verdict verdict,
        String standard,
        BigDecimal gap,
        String explanation,
        List<UUID> observationIds,
        Instant evaluatedAt,
        AreaLevel areaLevel,
        AreaLevel evaluationLevel,
        Long itemsFailing,
        Long itemsSurveyed,
        Long itemsTotal,
        BigDecimal numerator,
        BigDecimal denominator,
        List<String> missing,
        String grade,
        long standardRevision,
        String detailZh,
        String severity) {

    /** What a recomputation did to a result. */
    public enum Change {
        /** Nothing differs: nothing is written. */
        NONE,
        /** Only descriptive figures differ (how much was surveyed, the formula's inputs): updated in place, not published. */
        IN_PLACE,
        /** The value, the verdict, the standard or what is missing differs: a new version, published. */
        NEW_VERSION
    }

    public record Revised(IndicatorResult result, Change change) {
    }

    public static IndicatorResult first(int checkYear, AreaPosition area, IndicatorDefined indicator, Computed c,
            long standardRevision, Instant now) {
        return of(TimeOrderedIds.next(), 1, checkYear, area, indicator, c, standardRevision, now);
    }

    /** This result after a recomputation. */
    public Revised revise(AreaPosition area, IndicatorDefined indicator, Computed c, long newStandardRevision,
            Instant now) {
        boolean published = verdict == c.verdict() && sameNumber(value, c.value()) && standard.equals(c.standard())
                && missing.equals(c.missing());
        IndicatorResult next = of(id, published ? version : version + 1, checkYear, area, indicator, c,
                newStandardRevision, published ? evaluatedAt : now);
        if (!published) {
            return new Revised(next, Change.NEW_VERSION);
        }
        boolean same = Objects.equals(explanation, next.explanation) && sameNumber(gap, next.gap)
                && Objects.equals(itemsFailing, next.itemsFailing) && Objects.equals(itemsSurveyed, next.itemsSurveyed)
                && Objects.equals(itemsTotal, next.itemsTotal) && sameNumber(numerator, next.numerator)
                && sameNumber(denominator, next.denominator) && Objects.equals(grade, next.grade)
                && observationIds.equals(next.observationIds) && Objects.equals(detailZh, next.detailZh)
                && Objects.equals(severity, next.severity) && Objects.equals(unit, next.unit)
                && areaLevel == next.areaLevel && evaluationLevel == next.evaluationLevel;
        return new Revised(same ? this : next, same ? Change.NONE : Change.IN_PLACE);
    }

    private static IndicatorResult of(UUID id, int version, int checkYear, AreaPosition area, IndicatorDefined indicator,
            Computed c, long standardRevision, Instant at) {
        return new IndicatorResult(id, checkYear, area.code(), indicator.code(), version, c.value(), c.unit(),
                c.verdict(), c.standard(), c.gap(), c.explanation(), c.observationIds(), at, area.level(),
                indicator.evaluationLevel(), c.itemsFailing(), c.itemsSurveyed(), c.itemsTotal(), c.numerator(),
                c.denominator(), c.missing(), c.grade(), standardRevision, c.detailZh(), c.severity());
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** Whether the result concerns one item (one building for H02) rather than the items below an area. */
    public boolean itemLevel() {
        return areaLevel == evaluationLevel;
    }

    public IndicatorEvaluated evaluated(IndicatorDefined indicator) {
        return new IndicatorEvaluated(id, version, checkYear, areaCode, indicatorCode, indicator.nameZh(),
                indicator.dimension(), value, unit, verdict, standard, gap, explanation,
                indicator.defaultRectificationClass(), observationIds, evaluatedAt, areaLevel, evaluationLevel,
                itemsFailing, itemsSurveyed, itemsTotal, missing, grade, standardRevision, detailZh, severity);
    }
}
