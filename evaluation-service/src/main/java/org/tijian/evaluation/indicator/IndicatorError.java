package org.tijian.evaluation.indicator;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Stable error codes of the indicator catalog (指标体系). */
public enum IndicatorError implements ErrorCode {
    INDICATOR_NOT_FOUND(define("IND_E2101", 404, "未找到指标 {0}", "Indicator {0} not found")),
    SYSTEM_NOT_FOUND(define("IND_E2102", 404, "未找到指标体系 {0}", "Indicator system {0} not found")),
    INVALID_INDICATOR(define("IND_E2103", 422, "指标定义有误：指标 {0} 有 {1} 处错误",
            "Invalid indicator definition: indicator {0} has {1} errors")),
    DUPLICATE_CODE(define("IND_E2104", 409, "代码 {0} 已被使用", "Code {0} is already in use")),
    REVISION_CONFLICT(define("IND_E2105", 409, "指标 {0} 已被他人修改（当前版本 {1}，提交所基于的版本 {2}），请刷新后重试",
            "Indicator {0} was changed meanwhile (current revision {1}, yours is based on {2}); reload and retry")),
    BUILT_IN_READ_ONLY(define("IND_E2106", 409, "国家基础指标 {0} 的定义不能修改或停用，只能调整评价标准",
            "National basic indicator {0} cannot be redefined or retired; only its standards can change")),
    INVALID_SYSTEM(define("IND_E2107", 422, "指标体系 {0} 的定义有误：{1}", "Indicator system {0} is invalid: {1}")),
    MISSING_FIELD(define("IND_E2110", 422, "缺少字段 {0}", "Field {0} is missing")),
    MALFORMED_CODE(define("IND_E2111", 422, "代码 {0} 格式错误（大写字母开头，2–32 位大写字母、数字、- 或 _）",
            "Code {0} is malformed (2-32 upper-case letters, digits, - or _, starting with a letter)")),
    COMPUTATION_INCOMPLETE(define("IND_E2112", 422, "计算方式 {0} 需要字段 {1}", "Computation {0} needs field {1}")),
    UNDECLARED_DATA_ELEMENT(define("IND_E2113", 422, "计算方式引用了未声明的数据项 {0}", "The computation names undeclared data element {0}")),
    UNIT_MISMATCH(define("IND_E2114", 422, "单位不一致：{0}", "Unit mismatch: {0}")),
    DATA_ELEMENT_UNIT_CONFLICT(define("IND_E2115", 422, "数据项 {0} 在指标 {1} 中的单位是 {2}，此处为 {3}",
            "Data element {0} has unit {2} in indicator {1}, here {3}")),
    STANDARD_THRESHOLD(define("IND_E2116", 422, "评价标准 {0}：{1}", "Standard {0}: {1}")),
    DUPLICATE_STANDARD(define("IND_E2117", 422, "{0} 年同一城市类别和规模有多条评价标准",
            "Year {0} has more than one standard for the same city class and size class")),
    UNKNOWN_CLASS(define("IND_E2118", 422, "未知的城市类别或规模 {0}", "Unknown city class or size class {0}")),
    CHECK_YEAR_OUT_OF_RANGE(define("IND_E2119", 422, "体检年度 {0} 超出范围（2020–2100）", "Check year {0} is out of range (2020-2100)")),
    GRADE_BANDS(define("IND_E2120", 422, "分级区间有误：{0}", "Grade bands are invalid: {0}")),
    UNKNOWN_OWNER(define("IND_E2121", 422, "所属区域 {0} 不存在或层级不对（{1}）", "Owner area {0} does not exist or is not a {1}")),
    UNKNOWN_MEMBER(define("IND_E2122", 422, "专项体检指标集引用了不存在的指标 {0}", "The special-check set names unknown indicator {0}")),
    DUPLICATE_DATA_ELEMENT(define("IND_E2123", 422, "数据项 {0} 声明了两次", "Data element {0} is declared twice"));

    private final Definition definition;

    IndicatorError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
