package org.tijian.projects.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tijian.contracts.Dimension;
import org.tijian.contracts.RectificationClass;
import org.tijian.contracts.ledger.ProblemIdentified;

class ProjectProposalTest {

    static ProblemIdentified problem(String area) {
        return new ProblemIdentified(UUID.randomUUID(), 2025, area, "U01", "城市生活污水集中收集率", Dimension.CITY,
                new BigDecimal("64"), "%", ">= 70", "城市生活污水集中收集率：64%，未达到评价标准（>= 70%）",
                RectificationClass.BEST_EFFORT, UUID.randomUUID(), Instant.now());
    }

    @Test
    void draftForNextYearLinksTheProblemItRectifies() {
        ProblemIdentified problem = problem("3601");

        ProjectProposal draft = ProjectProposal.draftFrom(problem, Instant.now());

        assertThat(draft.checkYear()).isEqualTo(2026);
        assertThat(draft.status()).isEqualTo(ProjectStatus.DRAFT);
        assertThat(draft.name()).isEqualTo("城市生活污水集中收集率整治项目（3601）");
        assertThat(draft.problemIds()).containsExactly(problem.problemId());
        assertThat(draft.areaCodes()).containsExactly("3601");
        assertThat(draft.proposed().projectType()).isEqualTo("FACILITY_CONSTRUCTION");
    }
}
