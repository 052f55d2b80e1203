package org.tijian.contracts.catalog;

/** How the data for an indicator is obtained (获取方式). */
public enum AcquisitionMethod {
    DEPARTMENT_STATISTICS("部门统计"),
    CENSUS("普查"),
    SURVEY("问卷调查"),
    FIELD_CHECK("实地踏勘"),
    REMOTE_SENSING("遥感");

    private final String nameZh;

    AcquisitionMethod(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
