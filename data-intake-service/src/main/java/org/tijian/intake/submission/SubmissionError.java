package org.tijian.intake.submission;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/**
 * Stable error codes of submissions (批次). Row codes appear in import summaries with row numbers;
 * batch codes answer the upload as problem+json. Documented in docs/intake.md; never renumbered.
 */
public enum SubmissionError implements ErrorCode {
    UNKNOWN_DATA_ELEMENT(define("INTAKE_E1101", 422, "未知数据项 {0}", "Unknown data element {0}")),
    UNKNOWN_INDICATOR(define("INTAKE_E1102", 422, "未知指标 {0}，或该指标不按逐项问题计数",
            "Unknown indicator {0}, or not an item-count indicator")),
    UNKNOWN_AREA(define("INTAKE_E1103", 422, "未知区域代码 {0}", "Unknown area code {0}")),
    AREA_OUTSIDE_SCOPE(define("INTAKE_E1005", 422, "区域 {0} 不在本部门的报送范围内", "Area {0} is outside the department's scope")),
    NOT_OWNER(define("INTAKE_E1105", 422, "{0} 不由本部门报送", "{0} is not reported by this department")),
    WRONG_UNIT(define("INTAKE_E1106", 422, "单位 {0} 与数据项的单位不符", "Unit {0} does not match the data element's unit")),
    WRONG_TYPE(define("INTAKE_E1107", 422, "数值 {0} 类型错误：计数须为整数", "Value {0} has the wrong type: counts are whole numbers")),
    OUT_OF_RANGE(define("INTAKE_E1108", 422, "数值 {0} 超出合理范围", "Value {0} is outside the plausible range")),
    DUPLICATE_ROW(define("INTAKE_E1109", 422, "与本批次前面的行重复：{0}", "Duplicates an earlier row of this batch: {0}")),
    SUBMISSION_LATE(define("INTAKE_E1110", 422, "{0} 年度的报送已于 {1} 截止；逾期报送须经系统管理员批准",
            "Submissions for {0} closed at {1}; a late submission needs an administrator's override")),
    WINDOW_NOT_OPEN(define("INTAKE_E1111", 422, "{0} 年度的报送于 {1} 开始", "Submissions for {0} open at {1}")),
    DATA_LOCKED(define("INTAKE_E1112", 422, "数据已被审核锁定：{0}", "The data is locked by review: {0}")),
    ALREADY_EXISTS(define("INTAKE_E1113", 422, "已报送过 {0}；更正请用 UPDATE 或 CREATE_AND_UPDATE",
            "{0} was already reported; correct it with UPDATE or CREATE_AND_UPDATE")),
    NOT_FOUND(define("INTAKE_E1114", 422, "没有可更正或撤回的 {0}", "Nothing reported yet to update or withdraw: {0}")),
    MISSING_FIELD(define("INTAKE_E1115", 422, "缺少必填字段 {0}", "Required field {0} is missing")),
    MALFORMED_VALUE(define("INTAKE_E1116", 422, "无法识别的值 {0}", "Unreadable value {0}")),
    MALFORMED_ROW(define("INTAKE_E1117", 422, "无法读取的行：{0}", "Unreadable row: {0}")),
    WRONG_AREA_LEVEL(define("INTAKE_E1118", 422, "区域 {0} 的层级与指标的评价层级不符",
            "Area {0} is not at the indicator's evaluation level")),
    FINDING_TYPE_MISMATCH(define("INTAKE_E1119", 422, "问题类型 {0} 与指标不符", "Finding type {0} does not match the indicator")),
    OUTSIDE_COVERAGE(define("INTAKE_E1120", 422, "区域 {0} 不在本批次申报的调查范围内",
            "Area {0} is outside the coverage this batch declares")),
    EMPTY_FILE(define("INTAKE_E1121", 422, "文件 {0} 没有数据行", "File {0} has no data rows")),
    INVALID_COVERAGE(define("INTAKE_E1122", 422, "调查范围中的区域 {0} 未知或不在本部门的报送范围内",
            "Coverage area {0} is unknown or outside the department's scope")),
    UNSUPPORTED_FORMAT(define("INTAKE_E1123", 415, "不支持的文件类型 {0}：请上传 CSV、JSON 或 XLSX",
            "Unsupported content type {0}: upload CSV, JSON or XLSX")),
    INVALID_OPTION(define("INTAKE_E1124", 400, "参数 {0} 无效：{1}", "Option {0} is invalid: {1}")),
    BATCH_NOT_FOUND(define("INTAKE_E1125", 404, "未找到批次 {0}", "Batch {0} not found")),
    MALFORMED_CODE(define("INTAKE_E1126", 422, "代码 {0} 格式错误", "Code {0} is malformed")),
    /** Same meaning and code as for single observations since the first release. */
    IDEMPOTENCY_KEY_REUSED(define("INTAKE_E1007", 409, "幂等键 {0} 已用于内容不同的批次",
            "Idempotency key {0} was already used for a batch with different content")),
    NOT_A_DEPARTMENT(define("INTAKE_E1006", 403, "令牌未绑定报送部门", "The token is not bound to a submitting department")),
    MALFORMED_AREA_CODE(define("INTAKE_E1002", 422, "区域代码 {0} 格式错误：应为 2–24 位数字", "Area code {0} is malformed: 2 to 24 digits expected"));

    private final Definition definition;

    SubmissionError(Definition definition) {
        this.definition = definition;
    }

    public static SubmissionError byCode(String code) {
        for (SubmissionError error : values()) {
            if (error.code().equals(code)) {
                return error;
            }
        }
        throw new IllegalArgumentException("unknown error code " + code);
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
