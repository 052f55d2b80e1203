package org.tijian.projects.drafting;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.EventType;
import org.tijian.contracts.ledger.ProblemIdentified;
import org.tijian.contracts.ledger.ProblemStatusChanged;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.kit.messaging.CloudEventHeaders;
import org.tijian.kit.messaging.EventReader;

/**
 * Binding {@code ledgerProblems-in-0}: ledger.problems.v1, group project-library-service. One consumer for both
 * event types the library needs, so that one area's identification and status changes are handled in the order the
 * ledger published them; other types on the topic (ProblemOverdue) are skipped. A message without {@code ce_type}
 * is told apart by its fields.
 */
@Configuration(proxyBeanMethods = false)
class LedgerProblemsListener {

    static final String CONSUMER = "project-library-service";

    @Bean
    Consumer<Message<byte[]>> ledgerProblems(ProcessedEvents processedEvents, EventReader reader, DraftingService drafting) {
        String identified = EventType.PROBLEM_IDENTIFIED.cloudEventType();
        String changed = EventType.PROBLEM_STATUS_CHANGED.cloudEventType();
        return message -> {
            String type = CloudEventHeaders.text(message.getHeaders(), CloudEventHeaders.TYPE);
            if (type == null) {
                type = new String(message.getPayload(), StandardCharsets.UTF_8).contains("\"toStatus\"") ? changed
                        : identified;
            }
            if (type.equals(identified)) {
                processedEvents.process(CONSUMER, reader.read(message, ProblemIdentified.class), drafting::onIdentified);
            } else if (type.equals(changed)) {
                processedEvents.process(CONSUMER, reader.read(message, ProblemStatusChanged.class),
                        drafting::onStatusChanged);
            }
        };
    }
}
