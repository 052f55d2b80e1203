package org.tijian.kit.security;

/**
 * The roles Tijian reads from the {@code roles} claim of an access token (or Keycloak's
 * {@code realm_access.roles}). Spring Security sees each as authority {@code ROLE_<name>}.
 */
public enum Role {
    /** 数据报送部门: pushes feeds for its department's data elements and area scope. */
    DEPARTMENT_SUBMITTER,
    /** 市级管理人员: works on its city's subtree. */
    CITY_OFFICIAL,
    /** 区县管理人员: works on its district's subtree. */
    DISTRICT_OFFICIAL,
    /** 责任单位: updates the problems and projects assigned to its unit. */
    RESPONSIBLE_UNIT,
    /** 项目审批人: approves or returns the project library. */
    PROJECT_APPROVER,
    /** 省级审查人员: reads every city of the province. */
    PROVINCIAL_REVIEWER,
    /** 运维人员: metrics and dead-letter tools. */
    OPERATOR,
    /** 系统管理员: catalog, areas, users. */
    ADMINISTRATOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
