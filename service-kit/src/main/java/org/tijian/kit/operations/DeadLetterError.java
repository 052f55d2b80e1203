package org.tijian.kit.operations;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Errors of the dead-letter tool. */
public enum DeadLetterError implements ErrorCode {
    UNKNOWN_DEAD_LETTER_TOPIC(define("OPS_E0001", 404, "本服务没有死信主题 {0}", "This service has no dead-letter topic {0}")),
    DEAD_LETTER_NOT_FOUND(define("OPS_E0002", 404, "死信 {0} 不存在", "No dead letter {0}")),
    ALREADY_HANDLED(define("OPS_E0003", 409, "死信 {0} 已被重放或丢弃", "Dead letter {0} was replayed or discarded already")),
    REASON_REQUIRED(define("OPS_E0004", 422, "丢弃死信必须说明原因", "Discarding a dead letter needs a reason")),
    REPLAY_FAILED(define("OPS_E0005", 503, "重放 {0} 失败：{1}", "Replaying {0} failed: {1}"));

    private final Definition definition;

    DeadLetterError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
