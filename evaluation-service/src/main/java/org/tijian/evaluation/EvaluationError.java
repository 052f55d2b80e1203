package org.tijian.evaluation;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** The evaluation service's stable error codes. */
public enum EvaluationError implements ErrorCode {
    // EVAL_E2001 (unknown indicator) was replaced by IND_E2101; codes are never reused.
    RESULT_NOT_FOUND(define("EVAL_E2002", 404, "未找到评价结果 {0}", "Evaluation result {0} not found"));

    private final Definition definition;

    EvaluationError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
