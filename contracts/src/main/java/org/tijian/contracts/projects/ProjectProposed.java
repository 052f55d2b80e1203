package org.tijian.contracts.projects;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A draft project (项目库建议稿) was proposed from ledger problems. Keyed by {@code projectId}.
 *
 * @param projectType 项目类型 code: FACILITY_CONSTRUCTION, MANAGEMENT_IMPROVEMENT or SERVICE_OPTIMISATION
 */
public record ProjectProposed(
        UUID projectId,
        int checkYear,
        String name,
        String projectType,
        List<String> areaCodes,
        List<UUID> problemIds,
        Instant proposedAt) {
}
