package org.tijian.evaluation.scope;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/**
 * Error codes of check scopes (体检范围). These reject a request and change nothing; a scope that
 * breaks the work plan's rules is stored and reported with {@link ScopeViolation}s instead.
 * Entry codes (E3106–E3110) are listed per entry under {@link #INVALID_ENTRIES}; their first
 * argument is the entry's field, e.g. {@code communities[3]}. Documented in docs/check-scope.md.
 */
public enum ScopeError implements ErrorCode {
    CITY_NOT_FOUND(define("SCOPE_E3101", 404, "未找到城市 {0}", "City {0} not found")),
    NOT_A_CITY(define("SCOPE_E3102", 422, "区域 {0} 不是设区市（其层级为 {1}）", "Area {0} is not a city (its level is {1})")),
    YEAR_OUT_OF_RANGE(define("SCOPE_E3103", 422, "体检年度 {0} 不在允许范围（2020–2100）",
            "Check year {0} is out of range (2020-2100)")),
    EMPTY_BODY(define("SCOPE_E3104", 400, "请求体为空：请列出抽取的社区（communities）和街区（blocks）",
            "The body is empty: list the checked communities and blocks")),
    INVALID_ENTRIES(define("SCOPE_E3105", 422, "体检范围有 {0} 处错误，未作任何修改",
            "The check scope has {0} invalid entries; nothing was changed")),
    UNKNOWN_AREA(define("SCOPE_E3106", 422, "{0}：区域代码 {1} 不存在", "{0}: area code {1} does not exist")),
    WRONG_LEVEL(define("SCOPE_E3107", 422, "{0}：区域 {1} 的层级为 {2}，应为 {3}", "{0}: area {1} is a {2}, a {3} is expected")),
    OUTSIDE_CITY(define("SCOPE_E3108", 422, "{0}：区域 {1} 不属于城市 {2}", "{0}: area {1} does not belong to city {2}")),
    DUPLICATE_ENTRY(define("SCOPE_E3109", 422, "{0}：区域 {1} 重复列出（首次出现在 {2}）", "{0}: area {1} is listed twice (first at {2})")),
    BLANK_ENTRY(define("SCOPE_E3110", 422, "{0}：区域代码为空", "{0}: the area code is empty")),
    SCOPE_NOT_FOUND(define("SCOPE_E3111", 404, "未找到城市 {0} 的 {1} 年度体检范围", "No check scope of city {0} for {1}")),
    CITY_OUTSIDE_USER_AREAS(define("SCOPE_E3112", 403, "城市 {0} 不在您的管辖范围内", "City {0} is outside your areas")),
    TOO_MANY_ENTRIES(define("SCOPE_E3113", 422, "{0} 列出 {1} 个区域，超过上限 {2}", "{0} lists {1} areas, more than the limit of {2}")),
    NOTE_TOO_LONG(define("SCOPE_E3114", 422, "说明（noteZh）有 {0} 个字符，超过上限 {1}", "The note (noteZh) has {0} characters, more than the limit of {1}"));

    private final Definition definition;

    ScopeError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
