package org.tijian.gateway.apikey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A department's long-lived API key as listed to administrators: never its secret. */
public record ApiKey(UUID id, String name, String department, List<String> areas, Instant createdAt, String createdBy,
        Instant lastUsedAt, Instant revokedAt, String revokedBy, String revokeReason) {

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The token subject and rate-limit client of calls made with this key. */
    public String subject() {
        return "api-key:" + id;
    }
}
