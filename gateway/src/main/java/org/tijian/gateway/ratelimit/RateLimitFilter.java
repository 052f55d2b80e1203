package org.tijian.gateway.ratelimit;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.gateway.GatewayError;
import org.tijian.kit.error.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * Limits each client (a token's subject) to so many requests per sliding window, counted in the
 * gateway's database so the limit holds however many replicas run. Over the limit: 429 with
 * {@code Retry-After}. If the database cannot be reached the request passes: losing the limit for a
 * moment is better than losing the front door.
 */
@Component
class RateLimitFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimitFilter.class);

    private final RateLimitProperties properties;
    private final R2dbcRequestCounts counts;
    private final ProblemResponses problems;
    private final Clock clock;

    RateLimitFilter(RateLimitProperties properties, R2dbcRequestCounts counts, ProblemResponses problems) {
        this.properties = properties;
        this.counts = counts;
        this.problems = problems;
        this.clock = Clock.systemUTC();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        if (!properties.enabled()) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .flatMap(client -> check(client)
                        .flatMap(decision -> decision.allowed()
                                ? chain.filter(exchange)
                                : refuse(exchange, client, decision)))
                .switchIfEmpty(Mono.defer(() -> chain.filter(exchange)));
    }

    private Mono<SlidingWindow.Decision> check(String client) {
        SlidingWindow window = properties.windowFor(client);
        long now = clock.millis();
        long start = window.windowStart(now);
        return counts.count(client, Instant.ofEpochMilli(start), properties.window())
                .map(c -> window.decide(c.current(), c.previous(), now - start))
                .onErrorResume(e -> {
                    log.warn("rate limit not checked for {}: {}", client, e.toString());
                    return Mono.just(new SlidingWindow.Decision(true, 0));
                });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String client, SlidingWindow.Decision decision) {
        exchange.getResponse().getHeaders().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
        return problems.write(exchange, GatewayError.RATE_LIMITED, properties.windowFor(client).limit(),
                decision.retryAfterSeconds(), properties.window().toSeconds());
    }

    @Scheduled(fixedDelayString = "${tijian.gateway.rate-limit.window:PT1M}")
    void forgetOldWindows() {
        counts.forgetBefore(clock.instant().minus(properties.window().multipliedBy(3)))
                .onErrorResume(e -> Mono.empty())
                .subscribe();
    }
}
