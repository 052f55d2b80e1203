package org.tijian.projects.project;

/** Where a project stands between draft and completion (see {@link Workflow}). */
public enum ProjectStatus {
    /** 建议稿: drafted from ledger problems or added by hand; officials edit, merge and split it. */
    DRAFT("建议稿"),
    /** 已提交: submitted with the year's batch to the government executive meeting (政府常务会议). */
    SUBMITTED("已提交审议"),
    /** 已批准: approved by the meeting (resolution number and date). */
    APPROVED("已批准"),
    /** 已退回: returned by the meeting; officials edit it and submit again. */
    RETURNED("已退回"),
    /** 已下达: issued to the responsible department. */
    ISSUED("已下达"),
    /** 实施中: the department reports progress. */
    IN_PROGRESS("实施中"),
    /** 已竣工: completed with an acceptance record; its problems go to the ledger as reported fixed. */
    COMPLETED("已竣工验收"),
    /** 已取消: cancelled with a reason (or merged into another project). */
    CANCELLED("已取消");

    private final String nameZh;

    ProjectStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }

    /** Whether the project still holds its problems: no problem may be in two active projects. */
    public boolean active() {
        return this != COMPLETED && this != CANCELLED;
    }

    /** Whether officials may still edit, merge and split it. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
