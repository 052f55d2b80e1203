package org.tijian.projects.proposal;

import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tijian.kit.error.CommonError;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/projects/proposals")
class ProposalController {

    private final ProposalStore proposals;

    ProposalController(ProposalStore proposals) {
        this.proposals = proposals;
    }

    /** The draft library for a project year (the check year plus one). */
    @GetMapping
    Flux<ProjectProposal> library(@RequestParam int year, @RequestParam(defaultValue = "200") int limit) {
        return proposals.findByYear(year, Math.min(Math.max(limit, 1), 1000));
    }

    @GetMapping("/{id}")
    Mono<ProjectProposal> one(@PathVariable UUID id) {
        return proposals.findById(id)
                .switchIfEmpty(Mono.error(() -> new TijianException(CommonError.NOT_FOUND, "project " + id)));
    }
}
