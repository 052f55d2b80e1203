package org.tijian.projects.project;

/** 项目类型, as the work plan names them. */
public enum ProjectType {
    FACILITY_CONSTRUCTION("设施建设", "Facility construction"),
    MANAGEMENT_IMPROVEMENT("管理提升", "Management improvement"),
    SERVICE_OPTIMISATION("服务优化", "Service optimisation");

    private final String nameZh;
    private final String nameEn;

    ProjectType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
