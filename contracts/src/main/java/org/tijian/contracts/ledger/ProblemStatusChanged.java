package org.tijian.contracts.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;
import org.tijian.contracts.RectificationClass;

/**
 * A problem moved in its rectification workflow (confirmed, dismissed, assigned, in progress, reported fixed,
 * verified, reopened) or gained a fact officials track (a pass without a report, a carry-over into the next year).
 * Keyed by {@code areaCode}, like {@link ProblemIdentified}, so one area's problem events stay in order.
 *
 * @param action what was done: CONFIRM, DISMISS, ASSIGN, START, REPORT_PROGRESS, REPORT_FIXED, VERIFY, REOPEN,
 *     RESULT_UPDATED, PASSED_WITHOUT_REPORT, CARRIED_OVER, CLASS_RAISED
 * @param fromStatus the status before: IDENTIFIED, CONFIRMED, DISMISSED, ASSIGNED, IN_PROGRESS, REPORTED_FIXED,
 *     VERIFIED or REOPENED
 * @param toStatus the status after (equal to {@code fromStatus} for actions that change no status)
 * @param actor who did it: the token subject of an official or unit, or {@code system:evaluation},
 *     {@code system:deadline}, {@code system:carry-over}
 * @param verifiedBy for VERIFY: DATA (a later passing result) or INSPECTION (an inspection record)
 * @param version the problem's version after the change; consumers may ignore a version they have seen
 */
public record ProblemStatusChanged(
        UUID problemId,
        int checkYear,
        String areaCode,
        String indicatorCode,
        String action,
        String fromStatus,
        String toStatus,
        RectificationClass rectificationClass,
        @MayBeNull String responsibleUnit,
        @MayBeNull LocalDate deadline,
        @MayBeNull String reason,
        @MayBeNull String verifiedBy,
        String actor,
        long version,
        Instant changedAt) {
}
