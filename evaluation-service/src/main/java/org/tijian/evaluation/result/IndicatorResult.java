package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.tijian.contracts.Verdict;
import org.tijian.contracts.evaluation.IndicatorEvaluated;
import org.tijian.evaluation.indicator.EvaluationStandard;
import org.tijian.evaluation.indicator.Judgment;

/**
 * The current judgment of one indicator for one area and check year, with its lineage: the
 * observations it was computed from and the standard it was judged against.
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
        Instant evaluatedAt) {

    public static IndicatorResult first(int checkYear, String areaCode, EvaluationStandard standard, BigDecimal value,
            String unit, UUID observationId, Instant now) {
        Judgment judgment = standard.judge(value);
        return new IndicatorResult(UUID.randomUUID(), checkYear, areaCode, standard.indicatorCode(), 1, value, unit,
                judgment.verdict(), standard.describe(), judgment.gap(), judgment.explanation(), List.of(observationId), now);
    }

    /**
     * The next version after a new observation, or empty when neither the value nor the verdict nor
     * the standard changed: then nothing is published again.
     */
    public Optional<IndicatorResult> revise(EvaluationStandard standard, BigDecimal newValue, String newUnit, UUID observationId,
            Instant now) {
        Judgment judgment = standard.judge(newValue);
        boolean sameValue = value != null && newValue != null && value.compareTo(newValue) == 0;
        if (sameValue && judgment.verdict() == verdict && standard.describe().equals(this.standard)) {
            return Optional.empty();
        }
        List<UUID> lineage = new ArrayList<>(observationIds);
        lineage.add(observationId);
        return Optional.of(new IndicatorResult(id, checkYear, areaCode, indicatorCode, version + 1, newValue, newUnit,
                judgment.verdict(), standard.describe(), judgment.gap(), judgment.explanation(), List.copyOf(lineage),
                now));
    }

    /**
     * The next version after the standard changed, judging the same value again; empty when the
     * verdict, the gap and the standard's wording all stay the same.
     */
    public Optional<IndicatorResult> rejudge(EvaluationStandard standard, Instant now) {
        Judgment judgment = standard.judge(value);
        if (judgment.verdict() == verdict && standard.describe().equals(this.standard)
                && judgment.explanation().equals(explanation)) {
            return Optional.empty();
        }
        return Optional.of(new IndicatorResult(id, checkYear, areaCode, indicatorCode, version + 1, value, unit,
                judgment.verdict(), standard.describe(), judgment.gap(), judgment.explanation(), observationIds, now));
    }

    public IndicatorEvaluated evaluated(EvaluationStandard standard) {
        return new IndicatorEvaluated(id, version, checkYear, areaCode, indicatorCode, standard.nameZh(),
                standard.dimension(), value, unit, verdict, this.standard, gap, explanation,
                standard.defaultRectificationClass(), observationIds, evaluatedAt);
    }
}
