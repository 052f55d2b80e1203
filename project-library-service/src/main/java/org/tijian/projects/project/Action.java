package org.tijian.projects.project;

/** What happened to a project; each change appends one {@link HistoryEntry} naming its action. */
public enum Action {
    // workflow (see Workflow for the statuses each may start from)
    SUBMIT(Kind.OFFICIAL),
    APPROVE(Kind.APPROVER),
    RETURN(Kind.APPROVER),
    ISSUE(Kind.OFFICIAL),
    START(Kind.UNIT),
    REPORT_PROGRESS(Kind.UNIT),
    COMPLETE(Kind.UNIT),
    CANCEL(Kind.OFFICIAL),
    // editing the draft library
    CREATE(Kind.OFFICIAL),
    EDIT(Kind.OFFICIAL),
    MERGE(Kind.OFFICIAL),
    MERGED_INTO(Kind.OFFICIAL),
    SPLIT(Kind.OFFICIAL),
    SPLIT_FROM(Kind.OFFICIAL),
    // by the library itself, from ledger events
    DRAFTED(Kind.SYSTEM),
    PROBLEM_JOINED(Kind.SYSTEM),
    PROBLEM_LEFT(Kind.SYSTEM);

    /** Who may take an action: city officials, the approver, the responsible unit (or officials), or only the service. */
    public enum Kind { OFFICIAL, APPROVER, UNIT, SYSTEM }

    private final Kind kind;

    Action(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The workflow actions a caller may post to {@code /actions}. */
    public boolean workflow() {
        return ordinal() <= CANCEL.ordinal();
    }
}
