package org.tijian.ledger.problem;

import static org.tijian.ledger.problem.ProblemStatus.ASSIGNED;
import static org.tijian.ledger.problem.ProblemStatus.CONFIRMED;
import static org.tijian.ledger.problem.ProblemStatus.DISMISSED;
import static org.tijian.ledger.problem.ProblemStatus.IDENTIFIED;
import static org.tijian.ledger.problem.ProblemStatus.IN_PROGRESS;
import static org.tijian.ledger.problem.ProblemStatus.REOPENED;
import static org.tijian.ledger.problem.ProblemStatus.REPORTED_FIXED;
import static org.tijian.ledger.problem.ProblemStatus.VERIFIED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The workflow table, in one place: for each action by a person, the statuses it may start from and where it
 * leads. Anything not listed is forbidden.
 *
 * <pre>
 * IDENTIFIED ─CONFIRM→ CONFIRMED ─ASSIGN→ ASSIGNED ─START→ IN_PROGRESS ─REPORT_FIXED→ REPORTED_FIXED ─VERIFY→ VERIFIED
 *     └──────DISMISS──────┴→ DISMISSED        ↑ASSIGN (reassign)   ↺REPORT_PROGRESS        └─REOPEN→ REOPENED ←REOPEN─┘
 * REOPENED ─ASSIGN→ ASSIGNED, REOPENED ─START→ IN_PROGRESS (back into the work states)
 * </pre>
 */
public final class Workflow {

    private static final Map<Action, Map<ProblemStatus, ProblemStatus>> TABLE = new EnumMap<>(Action.class);

    static {
        allow(Action.CONFIRM, IDENTIFIED, CONFIRMED);
        allow(Action.DISMISS, IDENTIFIED, DISMISSED);
        allow(Action.DISMISS, CONFIRMED, DISMISSED);
        allow(Action.ASSIGN, CONFIRMED, ASSIGNED);
        allow(Action.ASSIGN, ASSIGNED, ASSIGNED);
        allow(Action.ASSIGN, IN_PROGRESS, ASSIGNED);
        allow(Action.ASSIGN, REOPENED, ASSIGNED);
        allow(Action.START, ASSIGNED, IN_PROGRESS);
        allow(Action.START, REOPENED, IN_PROGRESS);
        allow(Action.REPORT_PROGRESS, IN_PROGRESS, IN_PROGRESS);
        allow(Action.REPORT_FIXED, IN_PROGRESS, REPORTED_FIXED);
        allow(Action.VERIFY, REPORTED_FIXED, VERIFIED);
        allow(Action.REOPEN, REPORTED_FIXED, REOPENED);
        allow(Action.REOPEN, VERIFIED, REOPENED);
    }

    private static void allow(Action action, ProblemStatus from, ProblemStatus to) {
        TABLE.computeIfAbsent(action, a -> new EnumMap<>(ProblemStatus.class)).put(from, to);
    }

    /** @return where {@code action} leads from {@code from}, or empty if the workflow forbids it */
    public static Optional<ProblemStatus> next(ProblemStatus from, Action action) {
        return Optional.ofNullable(TABLE.getOrDefault(action, Map.of()).get(from));
    }

    private Workflow() {
    }
}
