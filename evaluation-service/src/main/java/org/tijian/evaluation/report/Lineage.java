package org.tijian.evaluation.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.AreaLevel;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.intake.ObservationKind;
import org.tijian.evaluation.result.IndicatorResult;

/**
 * Where a result comes from: the observations it was computed from (with the batch and row intake received them in),
 * the standard applied, the formula with its numbers, for an aggregate its contributing children's results, and every
 * published version.
 *
 * @param aggregate whether the result sums up the areas below it (its area is above the indicator's level)
 * @param children for an aggregate: one page of the children with failing items or a value; null otherwise
 */
public record Lineage(IndicatorResult result, String indicatorNameZh, boolean aggregate,
        List<Observation> observations, StandardApplied standard, Formula formula, ChildPage children,
        List<ResultVersion> history) {

    /**
     * A reported value ({@code VALUE}) or item-level finding ({@code FINDING}), one stored version of it.
     *
     * @param acceptedAt for a value: when intake accepted it
     * @param reportedAt for a finding: when it was reported
     * @param withdrawn whether the department withdrew this version since
     */
    public record Observation(UUID id, ObservationKind kind, String areaCode, String dataElement,
            String indicatorCode, String findingType, BigDecimal value, String unit, String descriptionZh,
            String severity, String department, UUID batchId, Integer rowNo, int revision, UUID supersedes,
            Instant acceptedAt, Instant reportedAt, boolean withdrawn, Instant withdrawnAt) {
    }

    /** @param indicatorRevision the indicator revision whose standard was applied */
    public record StandardApplied(String text, long indicatorRevision) {
    }

    public record Formula(String explanation, BigDecimal numerator, BigDecimal denominator) {
    }

    public record ChildPage(int page, int size, long total, List<ChildResult> items) {
    }

    public record ChildResult(String areaCode, String nameZh, AreaLevel level, UUID resultId, Verdict verdict,
            BigDecimal value, Long itemsFailing, Long itemsSurveyed, Long itemsTotal) {
    }

    public record ResultVersion(int version, BigDecimal value, Verdict verdict, String standard, BigDecimal gap,
            String explanation, List<UUID> observationIds, List<String> missing, Long itemsFailing,
            Long itemsSurveyed, Long itemsTotal, Long standardRevision, Instant evaluatedAt) {
    }

    /** Whether a result sums up the areas below it rather than judging one item or one area's own figures. */
    public static boolean aggregate(IndicatorResult result) {
        return result.areaLevel() != null && result.evaluationLevel() != null
                && result.evaluationLevel().below(result.areaLevel());
    }

    public static Lineage of(IndicatorResult result, String indicatorNameZh, List<Observation> observations,
            ChildPage children, List<ResultVersion> history) {
        return new Lineage(result, indicatorNameZh, aggregate(result), observations,
                new StandardApplied(result.standard(), result.standardRevision()),
                new Formula(result.explanation(), result.numerator(), result.denominator()), children, history);
    }
}
