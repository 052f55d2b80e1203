package org.tijian.ledger.problem;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Stable error codes of the ledger; documented in docs/ledger.md. */
public enum LedgerError implements ErrorCode {
    PROBLEM_NOT_FOUND(define("LEDGER_E4001", 404, "未找到问题 {0}", "Problem {0} not found")),
    TRANSITION_NOT_ALLOWED(define("LEDGER_E4002", 409, "问题当前状态为 {0}，不能执行 {1}",
            "A problem in status {0} does not allow {1}")),
    REASON_REQUIRED(define("LEDGER_E4003", 422, "执行 {0} 须说明原因", "{0} needs a reason")),
    UNIT_REQUIRED(define("LEDGER_E4004", 422, "交办须指定责任单位", "Assigning needs a responsible unit")),
    DEADLINE_REQUIRED(define("LEDGER_E4005", 422, "限时解决类问题须有整改期限", "A TIME_LIMITED problem needs a deadline")),
    TEXT_REQUIRED(define("LEDGER_E4006", 422, "执行 {0} 须填写进展说明", "{0} needs a progress text")),
    INSPECTION_REQUIRED(define("LEDGER_E4007", 422, "核验须提供核查记录", "Verifying needs an inspection record")),
    VERSION_CONFLICT(define("LEDGER_E4008", 409, "问题已被他人修改（当前版本 {0}，请求版本 {1}），请刷新后重试",
            "The problem was changed by someone else (version {0}, you sent {1}); reload and retry")),
    PRECONDITION_FAILED(define("LEDGER_E4009", 412, "If-Match 版本 {1} 与问题当前版本 {0} 不符",
            "If-Match version {1} does not match the problem's version {0}")),
    VERSION_REQUIRED(define("LEDGER_E4010", 428, "修改问题须提供 If-Match 头或 expectedVersion",
            "Changing a problem needs an If-Match header or expectedVersion")),
    ROLE_NOT_ALLOWED(define("LEDGER_E4011", 403, "角色 {0} 不能执行 {1}", "Role {0} may not {1}")),
    AREA_NOT_YOURS(define("LEDGER_E4012", 403, "区域 {0} 不在您的管理范围内", "Area {0} is outside your areas")),
    NOT_YOUR_UNIT(define("LEDGER_E4013", 403, "问题交办给 {0}，不是您的单位 {1}",
            "The problem is assigned to {0}, not to your unit {1}")),
    BAD_QUERY(define("LEDGER_E4014", 400, "查询参数错误：{0}", "Bad query parameter: {0}")),
    BAD_COMMAND(define("LEDGER_E4015", 400, "请求内容错误：{0}", "Bad request body: {0}")),
    DEADLINE_PASSED(define("LEDGER_E4016", 422, "整改期限 {0} 早于今天 {1}", "The deadline {0} lies before today {1}"));

    private final Definition definition;

    LedgerError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
