package org.tijian.gateway.accesslog;

import java.security.Principal;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Notes who called, once security has read the token, for the access log line written at the end. */
@Component
class ClientRecordingFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return exchange.getPrincipal().map(Principal::getName)
                .doOnNext(client -> exchange.getAttributes().put(AccessLogFilter.CLIENT_ATTRIBUTE, client))
                .then(chain.filter(exchange));
    }
}
