package org.tijian.projects.drafting;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.messaging.Message;
import org.tijian.contracts.EventType;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.kit.operations.ConsumerBinding;

/**
 * Binding {@code ledgerProblems-in-0}: ledger.problems.v1, group project-library-service. One consumer for both
 * event types the library needs, so that one area's identification and status changes are handled in the order the
 * ledger published them; other types on the topic (ProblemOverdue) are skipped. A message without {@code ce_type}
 * is told apart by its fields. Polls of up to 500 events, each in one transaction (a province's ledger opens
 * hundreds of thousands of problems); unreadable events and events whose effect keeps failing go to
 * {@code error.ledger.problems.v1.project-library-service}.
 */
@Configuration(proxyBeanMethods = false)
class LedgerProblemsListener {

    static final String CONSUMER = "project-library-service";
    static final String BINDING = "ledgerProblems-in-0";

    @Bean
    Consumer<Message<List<byte[]>>> ledgerProblems(ProcessedEvents processedEvents, DraftingService drafting,
            Environment environment) {
        String identified = EventType.PROBLEM_IDENTIFIED.cloudEventType();
        String changed = EventType.PROBLEM_STATUS_CHANGED.cloudEventType();
        return processedEvents.pollConsumer(CONSUMER, ConsumerBinding.named(environment, BINDING))
                .on(ProblemIdentified.class, drafting::onIdentified)
                .on(ProblemStatusChanged.class, drafting::onStatusChanged)
                .typeWhenMissing(record -> record.value() != null
                        && new String(record.value(), StandardCharsets.UTF_8).contains("\"toStatus\"") ? changed : identified)
                .build();
    }
}
