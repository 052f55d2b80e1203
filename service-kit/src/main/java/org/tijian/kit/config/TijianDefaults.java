package org.tijian.kit.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Defaults every Tijian service shares, added with the lowest precedence: a service's
 * application.yml, environment variables (Compose, Kubernetes) and command-line arguments
 * (standalone) all override them. They run the service against the standalone platform's ports.
 *
 * <p>The few knobs deployments set are {@code tijian.kafka.brokers}, {@code tijian.db.*} and
 * {@code tijian.security.issuer}; everything Spring needs is derived from them here.
 */
public class TijianDefaults implements EnvironmentPostProcessor {

    public static final String PROPERTY_SOURCE = "tijianDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();

        defaults.put("tijian.kafka.brokers", "localhost:19092");
        defaults.put("tijian.kafka.partitions", "6");
        defaults.put("tijian.kafka.replication-factor", "1");
        defaults.put("spring.kafka.bootstrap-servers", "${tijian.kafka.brokers}");
        defaults.put("spring.cloud.stream.kafka.binder.brokers", "${tijian.kafka.brokers}");
        defaults.put("spring.cloud.stream.kafka.binder.min-partition-count", "${tijian.kafka.partitions}");
        defaults.put("spring.cloud.stream.kafka.binder.replication-factor", "${tijian.kafka.replication-factor}");
        // Consumers: bounded retries with back-off, then the group's dead-letter topic
        // (error.<topic>.<group>). An unreadable event is not retried.
        defaults.put("spring.cloud.stream.default.consumer.max-attempts", "3");
        defaults.put("spring.cloud.stream.default.consumer.back-off-initial-interval", "200");
        defaults.put("spring.cloud.stream.default.consumer.back-off-max-interval", "2000");
        defaults.put("spring.cloud.stream.default.consumer.back-off-multiplier", "2.0");
        defaults.put("spring.cloud.stream.default.consumer.retryable-exceptions.org.tijian.kit.messaging.MalformedEventException",
                "false");
        defaults.put("spring.cloud.stream.kafka.default.consumer.enable-dlq", "true");

        defaults.put("tijian.db.host", "localhost");
        defaults.put("tijian.db.port", "15432");
        defaults.put("tijian.db.user", "tijian");
        defaults.put("tijian.db.password", "tijian");
        defaults.put("spring.r2dbc.url", "r2dbc:postgresql://${tijian.db.host}:${tijian.db.port}/${tijian.db.name}");
        defaults.put("spring.r2dbc.username", "${tijian.db.user}");
        defaults.put("spring.r2dbc.password", "${tijian.db.password}");
        // The statements bind whole batches as arrays (unnest). The driver prepares them once per connection, and
        // after five runs PostgreSQL may switch to a generic plan that guesses ten rows per array: an evaluation
        // statement of 2,000 keys then took 20 s instead of 50 ms. Planning each run with its real arrays costs
        // well under a millisecond.
        defaults.put("spring.r2dbc.properties.options", "plan_cache_mode=force_custom_plan");
        defaults.put("spring.flyway.url", "jdbc:postgresql://${tijian.db.host}:${tijian.db.port}/${tijian.db.name}");
        defaults.put("spring.flyway.user", "${tijian.db.user}");
        defaults.put("spring.flyway.password", "${tijian.db.password}");

        defaults.put("tijian.security.issuer", "http://localhost:8089");
        defaults.put("tijian.security.jwk-set-uri", "${tijian.security.issuer}/oauth2/jwks");
        // the gateway's issuer for departments' API keys (tokens it signs after checking a key)
        defaults.put("tijian.security.api-key-issuer", "http://localhost:8080/auth/api-keys");
        defaults.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", "${tijian.security.issuer}");
        defaults.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", "${tijian.security.jwk-set-uri}");

        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus,metrics");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.metrics.tags.service", "${spring.application.name}");
        defaults.put("management.metrics.tags.instance", "${tijian.instance:${HOSTNAME:localhost}:${server.port:0}}");

        // Every request and consumed event gets a span, so every log line names its trace; spans leave the process
        // only when management.opentelemetry.tracing.export.otlp.endpoint is set (docs/operations.md, "Tracing").
        defaults.put("management.tracing.sampling.probability", "1.0");
        // No exemplars (trace ids on metrics): Micrometer puts them on timers' _count lines, which Prometheus 2.x
        // refuses ("does not support exemplars"), failing the whole scrape.
        defaults.put("spring.autoconfigure.exclude",
                "org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration");
        // the request's trace follows the reactive chain across threads (into the MDC of R2DBC and Netty threads)
        defaults.put("spring.reactor.context-propagation", "auto");

        defaults.put("spring.webflux.problemdetails.enabled", "false");
        defaults.put("server.shutdown", "graceful");

        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
    }
}
