package org.tijian.evaluation.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one result is computed from: what was reported at the area itself, its children's current results, and
 * what the year's item-level surveys covered.
 *
 * @param values the current reported values at this area, by data element (withdrawn ones left out)
 * @param findings the current item-level findings at this area (withdrawn ones left out)
 * @param children the sums of the current results of the area's children for the same indicator and year
 * @param covered whether a survey of this indicator covered the area (itself or an ancestor)
 * @param coveredItems how many items of the indicator's level surveys covered in the area's subtree
 * @param hadResultLastYear whether the area has a result for the same indicator last year (an item that failed last
 *     year is judged again this year even without a finding)
 */
public record ResultInputs(
        Map<String, ReportedValue> values,
        List<ReportedFinding> findings,
        ChildTotals children,
        boolean covered,
        long coveredItems,
        boolean hadResultLastYear) {

    public record ReportedValue(UUID observationId, BigDecimal value, String unit) {
    }

    public record ReportedFinding(UUID findingId, String findingType, String severity, String descriptionZh) {
    }

    /**
     * What an area's children report for one indicator, summed (by the round's statement, so that a compound's
     * buildings are not each sent to the service). A child without data ({@code NO_DATA}) is left out of the value and
     * ratio sums.
     *
     * @param itemsFailing the failing items of all children
     * @param valuesReporting how many children have a value
     * @param valueSum the sum of those values (null when none has one)
     * @param itemsReporting how many items those children surveyed (a child that states none counts as one)
     * @param ratiosReporting how many children have a numerator and a denominator
     * @param numeratorSum the sum of those numerators (null when none has one)
     * @param denominatorSum the sum of those denominators (null when none has one)
     */
    public record ChildTotals(long itemsFailing, long valuesReporting, BigDecimal valueSum, long itemsReporting,
            long ratiosReporting, BigDecimal numeratorSum, BigDecimal denominatorSum) {

        public static final ChildTotals NONE = new ChildTotals(0, 0, null, 0, 0, null, null);
    }
}
