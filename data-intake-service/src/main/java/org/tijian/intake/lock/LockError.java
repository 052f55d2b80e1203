package org.tijian.intake.lock;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Stable error codes of review locks; documented in docs/intake.md. */
public enum LockError implements ErrorCode {
    LOCK_NOT_FOUND(define("INTAKE_E1201", 404, "未找到审核锁定 {0}，或已解除", "Review lock {0} not found or already released")),
    AREA_NOT_YOURS(define("INTAKE_E1202", 403, "区域 {0} 不在您的管理范围内", "Area {0} is outside your areas"));

    private final Definition definition;

    LockError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
