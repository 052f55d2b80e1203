package org.tijian.projects.proposal;

/** Where a project stands between draft and completion. */
public enum ProjectStatus {
    /** 建议稿: drafted from ledger problems, editable by officials. */
    DRAFT("建议稿");

    private final String nameZh;

    ProjectStatus(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
