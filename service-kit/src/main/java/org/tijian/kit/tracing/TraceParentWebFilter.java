package org.tijian.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.tijian.kit.messaging.TraceParent;
import reactor.core.publisher.Mono;

/**
 * Makes the request's {@code traceparent} header name the request's own server span, so what a controller passes on
 * to the events it stores (through the outbox, to Kafka) continues the trace the logs and the exported spans show.
 * A request without a tracer or without a span gets the caller's trace, or a new one.
 *
 * <p>The response names the trace in {@code traceresponse} (W3C Trace Context level 2), and problem+json bodies carry
 * {@code traceId}: what a user reports with an error finds its log lines.
 */
public class TraceParentWebFilter implements WebFilter, Ordered {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACERESPONSE = "traceresponse";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        TraceParent trace = serverSpan(exchange)
                .orElseGet(() -> TraceParent.parseOrNew(exchange.getRequest().getHeaders().getFirst(TRACEPARENT)));
        ServerWebExchange traced = exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(TRACEPARENT, trace.header())))
                .build();
        traced.getResponse().getHeaders().set(TRACERESPONSE, trace.header());
        return chain.filter(traced);
    }

    /** The trace of an exchange that went through this filter (its request header), if any. */
    public static Optional<TraceParent> of(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(TRACEPARENT);
        return header == null ? Optional.empty() : Optional.of(TraceParent.parseOrNew(header));
    }

    private static Optional<TraceParent> serverSpan(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class))
                .map(TracingContext::getSpan)
                .filter(span -> !span.isNoop())
                .map(Span::context)
                .map(context -> new TraceParent(context.traceId(), context.spanId()));
    }

    @Override
    public int getOrder() {
        // before security, so refused requests name their trace too
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
