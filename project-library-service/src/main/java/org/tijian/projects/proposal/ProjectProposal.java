package org.tijian.projects.proposal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.projects.ProjectProposed;

/**
 * A draft project of next year's library, linked to the problems it rectifies. For now one problem
 * makes one draft; grouping rules (one project for a street's gas-pipe hazards) come later.
 */
public record ProjectProposal(
        UUID id,
        int checkYear,
        String name,
        ProjectType projectType,
        ProjectStatus status,
        List<String> areaCodes,
        String constructionContent,
        List<UUID> problemIds,
        Instant proposedAt) {

    /** Projects are proposed for the year after the check that found the problem. */
    public static ProjectProposal draftFrom(ProblemIdentified problem, Instant now) {
        return new ProjectProposal(UUID.randomUUID(), problem.checkYear() + 1,
                "%s整治项目（%s）".formatted(problem.indicatorNameZh(), problem.areaCode()),
                ProjectType.FACILITY_CONSTRUCTION, ProjectStatus.DRAFT, List.of(problem.areaCode()),
                "针对" + problem.description() + "，开展整治", List.of(problem.problemId()), now);
    }

    public ProjectProposed proposed() {
        return new ProjectProposed(id, checkYear, name, projectType.name(), areaCodes, problemIds, proposedAt);
    }
}
