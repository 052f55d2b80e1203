package org.tijian.evaluation;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** The evaluation service's stable error codes. */
public enum EvaluationError implements ErrorCode {
    // EVAL_E2001 (unknown indicator) was replaced by IND_E2101; codes are never reused. Unknown areas are AREA_E3014.
    RESULT_NOT_FOUND(define("EVAL_E2002", 404, "未找到评价结果 {0}", "Evaluation result {0} not found")),
    NOT_A_CITY(define("EVAL_E2003", 422, "不是设区市：区域 {0} 的层级为 {1}", "Not a city: area {0} is a {1}")),
    NOT_A_PROVINCE(define("EVAL_E2004", 422, "不是省：区域 {0} 的层级为 {1}", "Not a province: area {0} is a {1}")),
    CHECK_YEAR_OUT_OF_RANGE(define("EVAL_E2005", 422, "体检年度超出范围：{0} 不在 2020–2100 之间",
            "Check year out of range: {0} is not within 2020-2100")),
    PAGE_OUT_OF_RANGE(define("EVAL_E2006", 422, "分页参数有误：page 须不小于 0，size 须在 1–{0} 之间（收到 page={1}，size={2}）",
            "Bad paging: page must be at least 0 and size between 1 and {0} (got page={1}, size={2})"));

    private final Definition definition;

    EvaluationError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
