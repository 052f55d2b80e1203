package org.tijian.projects.project;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A ledger problem a project rectifies, with what the project needs to know of it.
 *
 * @param quantity how much of the project's scale this problem is (1 building; a parking gap of 120 spaces)
 * @param standard the evaluation standard the problem failed (for the expected effect of rate indicators)
 * @param done reported done in a progress update (progress is weighted by quantity)
 */
public record Link(
        UUID problemId,
        String indicatorCode,
        String indicatorNameZh,
        String areaCode,
        BigDecimal quantity,
        String standard,
        boolean timeLimited,
        boolean done) {

    public Link withDone(boolean isDone) {
        return new Link(problemId, indicatorCode, indicatorNameZh, areaCode, quantity, standard, timeLimited, isDone);
    }
}
