package org.tijian.ledger.problem;

import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;

/**
 * Which problems an official asks for; null fields do not filter. {@code areaCode} selects the area's subtree.
 *
 * @param page 0-based
 * @param order the sort order ({@link ProblemOrder#DEFAULT}: year newest first, area, indicator)
 */
public record ProblemQuery(
        String areaCode,
        Integer checkYear,
        Dimension dimension,
        RectificationClass rectificationClass,
        ProblemStatus status,
        String responsibleUnit,
        Boolean overdue,
        int page,
        int size,
        ProblemOrder order) {

    /** The default order. */
    public ProblemQuery(String areaCode, Integer checkYear, Dimension dimension, RectificationClass rectificationClass,
            ProblemStatus status, String responsibleUnit, Boolean overdue, int page, int size) {
        this(areaCode, checkYear, dimension, rectificationClass, status, responsibleUnit, overdue, page, size,
                ProblemOrder.DEFAULT);
    }

    public ProblemQuery {
        order = order == null ? ProblemOrder.DEFAULT : order;
    }
}
