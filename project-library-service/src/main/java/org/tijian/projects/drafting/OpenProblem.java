package org.tijian.projects.drafting;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.ledger.ProblemIdentified;

/**
 * The library's copy of a ledger problem: what drafting needs, kept current from {@code ProblemIdentified} and
 * {@code ProblemStatusChanged}.
 *
 * @param status the ledger status (IDENTIFIED … VERIFIED), or CARRIED once carried over into the next year
 * @param statusVersion the ledger's version of the problem the status comes from (older events are ignored)
 */
public record OpenProblem(
        UUID problemId,
        int checkYear,
        String areaCode,
        String indicatorCode,
        String indicatorNameZh,
        BigDecimal resultValue,
        String unit,
        String standard,
        String description,
        RectificationClass rectificationClass,
        String status,
        long statusVersion) {

    /** Ledger statuses in which a problem waits for rectification and may be drafted into a project. */
    public static final Set<String> OPEN = Set.of("IDENTIFIED", "CONFIRMED", "ASSIGNED", "IN_PROGRESS", "REOPENED");
    /** Statuses that take a problem out of its draft: no longer a problem of this year's library. */
    public static final Set<String> LEAVING = Set.of("DISMISSED", "VERIFIED", "CARRIED");
    public static final String CARRIED = "CARRIED";

    public static OpenProblem of(ProblemIdentified p) {
        return new OpenProblem(p.problemId(), p.checkYear(), p.areaCode(), p.indicatorCode(), p.indicatorNameZh(),
                p.resultValue(), p.unit(), p.standard(), p.description(), p.rectificationClass(), "IDENTIFIED", 1);
    }

    public boolean open() {
        return OPEN.contains(status);
    }

    /** The same problem carried over into the next year under {@code newId}, as the ledger does. */
    public OpenProblem carriedInto(UUID newId, int year, String newStatus, long version) {
        return new OpenProblem(newId, year, areaCode, indicatorCode, indicatorNameZh, resultValue, unit, standard,
                description, rectificationClass, newStatus, version);
    }
}
