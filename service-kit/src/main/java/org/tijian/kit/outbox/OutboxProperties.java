package org.tijian.kit.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this instance runs a relay (tests switch it off to simulate a crash)
 * @param pollInterval pause between rounds when nothing is pending
 * @param batchSize rows per transaction
 * @param sendTimeout how long one batch waits for Kafka acknowledgements
 * @param retention how long published rows are kept for inspection before they are purged
 */
@ConfigurationProperties("tijian.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
