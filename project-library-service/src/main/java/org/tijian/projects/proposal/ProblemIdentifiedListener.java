package org.tijian.projects.proposal;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.kit.inbox.ProcessedEvents;

/** Binding {@code problemIdentified-in-0}: ledger.problems.v1, group project-library-service. */
@Configuration(proxyBeanMethods = false)
class ProblemIdentifiedListener {

    @Bean
    Consumer<Message<byte[]>> problemIdentified(ProcessedEvents processedEvents, ProposalService proposals) {
        return processedEvents.consumer("project-library-service", ProblemIdentified.class, proposals::onProblemIdentified);
    }
}
