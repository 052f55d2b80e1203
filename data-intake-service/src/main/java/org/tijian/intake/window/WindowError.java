package org.tijian.intake.window;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/** Stable error codes of submission windows; documented in docs/intake.md. */
public enum WindowError implements ErrorCode {
    WINDOW_INVERTED(define("INTAKE_E1301", 422, "报送期的截止时间须晚于开始时间", "A window must close after it opens"));

    private final Definition definition;

    WindowError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
