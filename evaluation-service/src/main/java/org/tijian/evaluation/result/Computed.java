package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.Verdict;

/**
 * A result as computed from its inputs, before it is compared with the stored one.
 *
 * @param observationIds the values or findings it was computed from; empty for an aggregate
 * @param missing for NO_DATA: the data elements (or {@code POPULATION}, {@code SURVEY}) that are missing
 */
public record Computed(
        BigDecimal value,
        String unit,
        Verdict verdict,
        String standard,
        BigDecimal gap,
        String explanation,
        Long itemsFailing,
        Long itemsSurveyed,
        Long itemsTotal,
        BigDecimal numerator,
        BigDecimal denominator,
        List<String> missing,
        String grade,
        List<UUID> observationIds,
        String detailZh,
        String severity) {
}
