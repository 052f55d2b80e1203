package org.tijian.projects.project;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Stable error codes of the project library; documented in docs/project-library.md. */
public enum ProjectError implements ErrorCode {
    PROJECT_NOT_FOUND(define("PROJECTS_E5001", 404, "未找到项目 {0}", "Project {0} not found")),
    TRANSITION_NOT_ALLOWED(define("PROJECTS_E5002", 409, "项目当前状态为 {0}，不能执行 {1}",
            "A project in status {0} does not allow {1}")),
    REASON_REQUIRED(define("PROJECTS_E5003", 422, "执行 {0} 须说明原因", "{0} needs a reason")),
    RESOLUTION_REQUIRED(define("PROJECTS_E5004", 422, "执行 {0} 须填写常务会议决议文号和日期",
            "{0} needs the meeting''s resolution number and date")),
    ACCEPTANCE_REQUIRED(define("PROJECTS_E5005", 422, "竣工须提供验收记录和验收日期",
            "Completing needs an acceptance record and its date")),
    PROGRESS_INVALID(define("PROJECTS_E5006", 422, "进度填报无效：{0}", "Invalid progress report: {0}")),
    DEPARTMENT_REQUIRED(define("PROJECTS_E5007", 422, "下达项目须指定责任部门", "Issuing needs a responsible department")),
    VERSION_CONFLICT(define("PROJECTS_E5008", 409, "项目已被他人修改（当前版本 {0}，请求版本 {1}），请刷新后重试",
            "The project was changed by someone else (version {0}, you sent {1}); reload and retry")),
    VERSION_REQUIRED(define("PROJECTS_E5009", 428, "修改项目须提供 If-Match 头或 expectedVersion",
            "Changing a project needs an If-Match header or expectedVersion")),
    PROBLEM_TAKEN(define("PROJECTS_E5010", 409, "问题 {0} 已属于另一个在库项目",
            "Problem {0} already belongs to another active project")),
    PROBLEM_UNKNOWN(define("PROJECTS_E5011", 422, "问题 {0} 不在台账副本中或已不是待整治状态",
            "Problem {0} is unknown or no longer open")),
    NOT_EDITABLE(define("PROJECTS_E5012", 409, "项目 {0} 状态为 {1}，不能编辑、合并或拆分",
            "Project {0} is {1}: it can no longer be edited, merged or split")),
    BAD_MERGE_OR_SPLIT(define("PROJECTS_E5013", 422, "合并或拆分无效：{0}", "Invalid merge or split: {0}")),
    ROLE_NOT_ALLOWED(define("PROJECTS_E5014", 403, "角色 {0} 不能执行 {1}", "Role {0} may not {1}")),
    AREA_NOT_YOURS(define("PROJECTS_E5015", 403, "区域 {0} 不在您的管理范围内", "Area {0} is outside your areas")),
    NOT_YOUR_DEPARTMENT(define("PROJECTS_E5016", 403, "项目责任部门为 {0}，不是您的单位 {1}",
            "The project belongs to department {0}, not to your unit {1}")),
    BAD_QUERY(define("PROJECTS_E5017", 400, "查询参数错误：{0}", "Bad query parameter: {0}")),
    BAD_COMMAND(define("PROJECTS_E5018", 400, "请求内容错误：{0}", "Bad request body: {0}"));

    private final Definition definition;

    ProjectError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
