package org.tijian.contracts.projects;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.MayBeNull;

/**
 * A project of the library (项目库) was completed and accepted (竣工验收): the ledger moves its linked problems to
 * REPORTED_FIXED, where new data or an inspection then verifies them. Keyed by {@code projectId}; published once per
 * project, through the project library's outbox. See docs/project-library.md.
 *
 * @param checkYear the check year (体检年度) of the linked problems, as the ledger holds them
 * @param planYear the year of the project library (项目库年度), usually {@code checkYear + 1}
 * @param areaCodes 项目位置: the areas the project covers
 * @param problemIds the ledger problems the project rectifies (may be empty for a project added by hand)
 * @param responsibleDepartment 责任部门 code, e.g. {@code housing}; the ledger's responsible unit code
 * @param acceptanceRecord 验收记录: the acceptance document's reference and summary
 * @param acceptedOn the day of acceptance
 * @param completedBy the token subject of who recorded completion
 */
public record ProjectCompleted(
        UUID projectId,
        int checkYear,
        int planYear,
        String name,
        String projectType,
        List<String> areaCodes,
        List<UUID> problemIds,
        @MayBeNull String responsibleDepartment,
        String acceptanceRecord,
        LocalDate acceptedOn,
        String completedBy,
        Instant completedAt) {
}
