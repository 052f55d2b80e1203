package org.tijian.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.tijian.kit.error.TijianException;

/**
 * Each service owns its {@code /api/<service>/**} prefix, so paths pass through unchanged. The
 * caller's {@code Authorization} header is relayed as is: every service validates the token again.
 *
 * <p>Every route runs behind its own circuit breaker with an explicit time limit (the filter's
 * hidden default of 1 s would cut a department's upload), retries only reads, and falls back to
 * {@link FallbackController}, which names the service that did not answer.
 */
@Configuration(proxyBeanMethods = false)
class RouteConfiguration {

    @Bean
    RouteLocator tijianRoutes(RouteLocatorBuilder routes, ServiceRoutes config) {
        RouteLocatorBuilder.Builder builder = routes.routes();
        for (ServiceRoutes.Service service : config.services()) {
            builder.route(service.id(), r -> r.path(service.prefix() + "/**")
                    .filters(f -> f
                            .circuitBreaker(breaker -> breaker.setName(service.id())
                                    .setFallbackUri("forward:/gateway/fallback/" + service.id()))
                            .retry(retry -> retry.setRetries(2)
                                    .setMethods(HttpMethod.GET, HttpMethod.HEAD)
                                    .setStatuses(HttpStatus.BAD_GATEWAY, HttpStatus.SERVICE_UNAVAILABLE)
                                    .setExceptions(IOException.class, TimeoutException.class)
                                    .setBackoff(Duration.ofMillis(100), Duration.ofMillis(500), 2, true)))
                    .uri(service.uri()));
        }
        if (config.devIssuerUri() != null) {
            builder.route("dev-token-issuer", r -> r.path("/auth/users", "/auth/token")
                    .filters(f -> f.rewritePath("/auth/(?<rest>.*)", "/${rest}"))
                    .uri(config.devIssuerUri()));
        }
        return builder.build();
    }

    /**
     * A breaker opens when half of the last 20 calls failed (no answer or too late), and lets a few
     * calls through again after 10 s. Answers with an error status are the service's own and pass.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceBreakers(ServiceRoutes config) {
        return factory -> config.services().forEach(service -> factory.configure(builder -> builder
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(10))
                        .permittedNumberOfCallsInHalfOpenState(3)
                        .ignoreExceptions(TijianException.class)
                        .build())
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(service.timeout()).build()),
                service.id()));
    }
}
