package org.tijian.projects.proposal;

import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

public interface ProposalStore {

    /** @return false when one of its problems already belongs to another project */
    Mono<Boolean> insertIfProblemsFree(ProjectProposal proposal);

    Mono<ProjectProposal> findById(UUID id);

    Flux<ProjectProposal> findByYear(int checkYear, int limit);
}
