package org.tijian.kit.operations;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param path where the operator endpoints answer, under the service's own API prefix so that the gateway routes them
 *     (e.g. {@code /api/ledger/operations}); unset, the service has none
 * @param refreshInterval how often consumer lag and dead-letter counts are read from Kafka
 */
@ConfigurationProperties("tijian.operations")
public record OperationsProperties(String path, Duration refreshInterval) {

    public OperationsProperties {
        refreshInterval = refreshInterval == null ? Duration.ofSeconds(15) : refreshInterval;
    }
}
