package org.tijian.ledger.project;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.tijian.contracts.projects.ProjectCompleted;
import org.tijian.kit.inbox.ProcessedEvents;
import org.tijian.ledger.problem.ProblemService;

/**
 * Binding {@code projectCompleted-in-0}: projects.lifecycle.v1 (ProjectCompleted only; drafts proposed there are
 * skipped), group ledger-service. A completed and accepted project reports its linked problems fixed; new data or an
 * inspection then verifies them.
 */
@Configuration(proxyBeanMethods = false)
class ProjectCompletedListener {

    @Bean
    Consumer<Message<byte[]>> projectCompleted(ProcessedEvents processedEvents, ProblemService problems) {
        return processedEvents.consumer("ledger-service-projects", ProjectCompleted.class,
                event -> problems.onProjectCompleted(event.payload(), event.trace()));
    }
}
