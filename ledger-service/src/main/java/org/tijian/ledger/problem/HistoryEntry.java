package org.tijian.ledger.problem;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One change of a problem, appended and never rewritten: who, when, what (action and status move) and why.
 *
 * @param version the problem's version after the change; entries of a problem are read in this order
 * @param payload what the action carried: unit and deadline, progress text and evidence references, inspection
 *     record, result id and value, origin of a carry-over
 */
public record HistoryEntry(
        UUID problemId,
        long version,
        Instant at,
        String actor,
        Action action,
        ProblemStatus fromStatus,
        ProblemStatus toStatus,
        String reason,
        Map<String, Object> payload) {
}
