package org.tijian.kit.error;

import static org.tijian.kit.error.ErrorCode.define;

/** Errors every service can answer with. Service-specific codes live in each service's catalogue. */
public enum CommonError implements ErrorCode {
    MALFORMED_REQUEST(define("COMMON_E0400", 400, "请求格式错误：{0}", "Malformed request: {0}")),
    UNAUTHENTICATED(define("COMMON_E0401", 401, "需要有效的访问令牌", "A valid access token is required")),
    FORBIDDEN(define("COMMON_E0403", 403, "无权执行此操作：{0}", "Not allowed: {0}")),
    NOT_FOUND(define("COMMON_E0404", 404, "未找到：{0}", "Not found: {0}")),
    METHOD_NOT_ALLOWED(define("COMMON_E0405", 405, "不支持的请求方法：{0}", "Method not allowed: {0}")),
    CONFLICT(define("COMMON_E0409", 409, "与现有数据冲突：{0}", "Conflicts with existing data: {0}")),
    PAYLOAD_TOO_LARGE(define("COMMON_E0413", 413, "上传内容过大：{0}", "Payload too large: {0}")),
    AREA_NOT_YOURS(define("COMMON_E0430", 403, "区域 {0} 不在您的管理范围内", "Area {0} is outside your areas")),
    UNSUPPORTED_MEDIA_TYPE(define("COMMON_E0415", 415, "不支持的内容类型：{0}", "Unsupported media type: {0}")),
    VALIDATION_FAILED(define("COMMON_E0422", 422, "数据校验未通过：{0}", "Validation failed: {0}")),
    INTERNAL(define("COMMON_E0500", 500, "服务内部错误，请联系运维人员（追踪号 {0}）", "Internal error; tell the operators (trace {0})")),
    UNAVAILABLE(define("COMMON_E0503", 503, "服务暂不可用：{0}", "Service unavailable: {0}"));

    private final Definition definition;

    CommonError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
