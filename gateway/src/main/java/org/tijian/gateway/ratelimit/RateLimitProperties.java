package org.tijian.gateway.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests a client may send per window through the gateway, counted across all replicas.
 *
 * @param requestsPerWindow the default for every client (a token's subject)
 * @param clients limits for particular clients by subject, e.g. a department's API key {@code api-key:<id>}
 */
@ConfigurationProperties("tijian.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1200") int requestsPerWindow,
        @DefaultValue("PT1M") Duration window,
        @DefaultValue Map<String, Integer> clients) {

    SlidingWindow windowFor(String client) {
        return new SlidingWindow(clients.getOrDefault(client, requestsPerWindow), window);
    }
}
