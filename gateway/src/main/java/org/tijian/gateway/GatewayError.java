package org.tijian.gateway;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** What the gateway itself answers, before or instead of a service. */
public enum GatewayError implements ErrorCode {
    SERVICE_UNAVAILABLE(define("GATEWAY_E0503", 503, "{0}暂不可用，请稍后重试（其他服务不受影响）",
            "{0} is unavailable; try again later (other services are not affected)")),
    SERVICE_TIMED_OUT(define("GATEWAY_E0504", 504, "{0}未在 {1} 秒内响应", "{0} did not answer within {1} s")),
    RATE_LIMITED(define("GATEWAY_E0429", 429, "请求过于频繁：每 {2} 秒最多 {0} 次，请 {1} 秒后重试",
            "Too many requests: at most {0} in {2} s; retry in {1} s")),
    UPLOAD_TOO_LARGE(define("GATEWAY_E0413", 413, "上传内容超过 {0} 的上限（{1}）", "The upload exceeds {1}, the limit of {0}")),
    API_KEY_INVALID(define("GATEWAY_E0401", 401, "API 密钥无效或已吊销", "The API key is unknown or revoked")),
    API_KEY_NOT_FOUND(define("GATEWAY_E0404", 404, "未找到 API 密钥：{0}", "No API key {0}")),
    API_KEY_REQUEST_INVALID(define("GATEWAY_E0422", 422, "API 密钥申请不完整：{0}", "Incomplete API key request: {0}"));

    private final Definition definition;

    GatewayError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
