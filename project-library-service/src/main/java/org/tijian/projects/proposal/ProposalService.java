package org.tijian.projects.proposal;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.kit.messaging.InboundEvent;
import org.tijian.kit.outbox.EventOutbox;
import reactor.core.publisher.Mono;

/** Drafts a project for each newly identified problem that no project covers yet. */
@Service
public class ProposalService {

    private final ProposalStore proposals;
    private final EventOutbox outbox;
    private final MeterRegistry meters;

    public ProposalService(ProposalStore proposals, EventOutbox outbox, MeterRegistry meters) {
        this.proposals = proposals;
        this.outbox = outbox;
        this.meters = meters;
    }

    public Mono<Void> onProblemIdentified(InboundEvent<ProblemIdentified> event) {
        ProjectProposal draft = ProjectProposal.draftFrom(event.payload(), Instant.now());
        return proposals.insertIfProblemsFree(draft)
                .filter(Boolean::booleanValue)
                .flatMap(inserted -> {
                    meters.counter("tijian.projects.drafted").increment();
                    return outbox.append(draft.proposed(), draft.id().toString(), draft.id().toString(),
                            event.trace().child());
                });
    }
}
