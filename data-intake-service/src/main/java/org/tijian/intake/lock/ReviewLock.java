package org.tijian.intake.lock;

import java.time.Instant;
import java.util.UUID;

/**
 * Data locked by review (审核锁定): while active, no batch may change what departments reported for
 * {@code areaCode}'s subtree in {@code checkYear} (only for {@code subject} if set: a data element,
 * indicator or topic).
 */
public record ReviewLock(UUID id, int checkYear, String areaCode, String subject, String reason, String lockedBy,
        Instant lockedAt, String releasedBy, Instant releasedAt) {
}
