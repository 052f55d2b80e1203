package org.tijian.projects.proposal;

/** 项目类型, as the work plan names them. */
public enum ProjectType {
    FACILITY_CONSTRUCTION("设施建设"),
    MANAGEMENT_IMPROVEMENT("管理提升"),
    SERVICE_OPTIMISATION("服务优化");

    private final String nameZh;

    ProjectType(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
