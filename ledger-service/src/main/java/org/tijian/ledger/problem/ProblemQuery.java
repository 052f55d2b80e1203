package org.tijian.ledger.problem;

import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;

/**
 * Which problems an official asks for; null fields do not filter. {@code areaCode} selects the area's subtree.
 *
 * @param page 0-based
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
        int size) {
}
