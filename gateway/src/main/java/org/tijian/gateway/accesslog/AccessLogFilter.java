package org.tijian.gateway.accesslog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tijian.kit.messaging.TraceParent;
import org.tijian.kit.tracing.TraceParentWebFilter;
import reactor.core.publisher.Mono;

/**
 * One line per request on logger {@code tijian.access}: client (the token's subject, {@code -} when
 * there is none), route, method, path, status and duration, as key-value pairs so JSON logs carry
 * them as fields, with the request's trace id. Runs before security, so refused requests are logged too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessLogFilter implements WebFilter {

    private static final Logger log = LoggerFactory.getLogger("tijian.access");
    static final String CLIENT_ATTRIBUTE = AccessLogFilter.class.getName() + ".client";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            String client = exchange.getAttributeOrDefault(CLIENT_ATTRIBUTE, "-");
            String traceId = traceId(exchange);
            log.atInfo()
                    .addKeyValue("client", client)
                    .addKeyValue("route", route == null ? "-" : route.getId())
                    .addKeyValue("method", exchange.getRequest().getMethod().name())
                    .addKeyValue("path", exchange.getRequest().getPath().value())
                    .addKeyValue("status", status == null ? 0 : status.value())
                    .addKeyValue("durationMs", (System.nanoTime() - started) / 1_000_000)
                    .addKeyValue("traceId", traceId)
                    .log("{} {} {} {} (trace {})", client, exchange.getRequest().getMethod().name(),
                            exchange.getRequest().getPath().value(), status == null ? 0 : status.value(), traceId);
        });
    }

    /** The line is written after the request's span has closed, so the trace comes from the response's header. */
    private static String traceId(ServerWebExchange exchange) {
        String header = exchange.getResponse().getHeaders().getFirst(TraceParentWebFilter.TRACERESPONSE);
        return header == null ? "-" : TraceParent.parseOrNew(header).traceId();
    }
}
