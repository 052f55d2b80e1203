package org.tijian.ledger.problem;

/** Where a problem stands in its rectification workflow (see {@link Workflow} for the allowed moves). */
public enum ProblemStatus {
    /** 已识别: opened from a failing evaluation result. */
    IDENTIFIED("已识别"),
    /** 已确认: an official confirmed it is a real problem. */
    CONFIRMED("已确认"),
    /** 已排除: an official dismissed it, with a reason. */
    DISMISSED("已排除"),
    /** 已交办: assigned to a responsible unit (责任单位) with a deadline. */
    ASSIGNED("已交办"),
    /** 整改中: the unit is working on it. */
    IN_PROGRESS("整改中"),
    /** 已报整改完成: the unit reports it fixed; awaits verification. */
    REPORTED_FIXED("已报整改完成"),
    /** 已核验: verified by new data or by an inspection record. */
    VERIFIED("已核验"),
    /** 已重新打开: a reported or verified fix did not hold. */
    REOPENED("已重新打开");

    private final String nameZh;

    ProblemStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Resolved problems are neither overdue nor carried into the next year. */
    public boolean resolved() {
        return this == VERIFIED || this == DISMISSED;
    }

    /** Problems whose deadline no longer matters: fixed (reported or verified) or dismissed. */
    public boolean pastDeadlineCheck() {
        return resolved() || this == REPORTED_FIXED;
    }
}
