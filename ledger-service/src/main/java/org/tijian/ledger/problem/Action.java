package org.tijian.ledger.problem;

/** What happened to a problem; each change appends one {@link HistoryEntry} naming its action. */
public enum Action {
    // by people (see Workflow for the statuses each may start from)
    CONFIRM(Kind.OFFICIAL),
    DISMISS(Kind.OFFICIAL),
    ASSIGN(Kind.OFFICIAL),
    START(Kind.UNIT),
    REPORT_PROGRESS(Kind.UNIT),
    REPORT_FIXED(Kind.UNIT),
    VERIFY(Kind.OFFICIAL),
    REOPEN(Kind.OFFICIAL),
    // by the ledger itself
    IDENTIFY(Kind.SYSTEM),
    RESULT_UPDATED(Kind.SYSTEM),
    PASSED_WITHOUT_REPORT(Kind.SYSTEM),
    OVERDUE(Kind.SYSTEM),
    CARRIED_OVER(Kind.SYSTEM),
    CLASS_RAISED(Kind.SYSTEM),
    /** a project of the library that rectifies the problem was completed and accepted */
    PROJECT_COMPLETED(Kind.SYSTEM);

    /** Who may take an action: officials of the area, the assigned unit, or only the ledger itself. */
    public enum Kind { OFFICIAL, UNIT, SYSTEM }

    private final Kind kind;

    Action(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
