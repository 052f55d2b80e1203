package org.tijian.intake.observation;

import static org.tijian.kit.error.ErrorCode.define;

import org.tijian.kit.error.ErrorCode;

/**
 * Error codes of the single-observation API. Validation of the observation itself answers with the
 * submission codes (INTAKE_E10xx/E11xx): a single observation is a batch of one row. Documented in docs/intake.md.
 */
public enum ObservationError implements ErrorCode {
    OBSERVATION_NOT_FOUND(define("INTAKE_E1008", 404, "未找到观测数据 {0}", "Observation {0} not found"));

    private final Definition definition;

    ObservationError(Definition definition) {
        this.definition = definition;
    }

    @Override
    public Definition definition() {
        return definition;
    }
}
