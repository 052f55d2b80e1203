package org.tijian.intake.window;

import java.time.Instant;
import java.util.UUID;

/** An administrator's permission for one department to submit one check year after its window closed. */
public record LateOverride(UUID id, int checkYear, String department, String reason, String grantedBy,
        Instant grantedAt, Instant validUntil) {
}
