package org.tijian.evaluation;

import org.tijian.kit.error.ErrorCode;

/** The evaluation service's stable error codes. */
public enum EvaluationError implements ErrorCode {
    UNKNOWN_INDICATOR("EVAL_E2001", 404, "未知指标 {0}", "Unknown indicator {0}"),
    RESULT_NOT_FOUND("EVAL_E2002", 404, "未找到评价结果 {0}", "Evaluation result {0} not found");

    private final String code;
    private final int httpStatus;
    private final String messageZh;
    private final String messageEn;

    EvaluationError(String code, int httpStatus, String messageZh, String messageEn) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.messageZh = messageZh;
        this.messageEn = messageEn;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public int httpStatus() {
        return httpStatus;
    }

    @Override
    public String messageZh() {
        return messageZh;
    }

    @Override
    public String messageEn() {
        return messageEn;
    }
}
