package org.tijian.intake.observation;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** The intake service's stable error codes. Documented in docs/intake.md. */
public enum IntakeError implements ErrorCode {
    CHECK_YEAR_OUT_OF_RANGE(define("INTAKE_E1001", 422, "体检年度 {0} 不在允许范围（2000–2100）", "Check year {0} is out of range (2000-2100)")),
    MALFORMED_AREA_CODE(define("INTAKE_E1002", 422, "区域代码 {0} 格式错误：应为 2–24 位数字", "Area code {0} is malformed: 2 to 24 digits expected")),
    MALFORMED_DATA_ELEMENT(define("INTAKE_E1003", 422, "数据项代码 {0} 格式错误", "Data element code {0} is malformed")),
    VALUE_MISSING(define("INTAKE_E1004", 422, "缺少数值", "The value is missing")),
    AREA_OUTSIDE_SCOPE(define("INTAKE_E1005", 403, "区域 {0} 不在本部门的报送范围内", "Area {0} is outside the department's scope")),
    NOT_A_DEPARTMENT(define("INTAKE_E1006", 403, "令牌未绑定报送部门", "The token is not bound to a submitting department")),
    IDEMPOTENCY_KEY_REUSED(define("INTAKE_E1007", 409, "幂等键 {0} 已用于内容不同的报送", "Idempotency key {0} was already used for different content")),
    OBSERVATION_NOT_FOUND(define("INTAKE_E1008", 404, "未找到观测数据 {0}", "Observation {0} not found"));

    private final Definition definition;

    IntakeError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
