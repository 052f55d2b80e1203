package org.tijian.ledger.problem;

/** Where a problem stands in its rectification workflow. */
public enum ProblemStatus {
    /** 已识别: opened from a failing evaluation result. */
    IDENTIFIED("已识别");

    private final String nameZh;

    ProblemStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
