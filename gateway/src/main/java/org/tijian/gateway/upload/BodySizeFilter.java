package org.tijian.gateway.upload;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.gateway.GatewayError;
import org.tijian.gateway.routing.ServiceRoutes;
import org.tijian.kit.error.ProblemResponses;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Refuses a body larger than its route accepts with a clear 413, before a byte reaches the service
 * when the size is declared, or as soon as a streamed (chunked) body passes the limit.
 */
@Component
class BodySizeFilter implements GlobalFilter, Ordered {

    private final Map<String, ServiceRoutes.Service> servicesByRoute;
    private final ProblemResponses problems;

    BodySizeFilter(ServiceRoutes routes, ProblemResponses problems) {
        this.servicesByRoute = routes.services().stream()
                .collect(Collectors.toUnmodifiableMap(ServiceRoutes.Service::id, service -> service));
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        ServiceRoutes.Service service = route == null ? null : servicesByRoute.get(route.getId());
        if (service == null) {
            return chain.filter(exchange);
        }
        long limit = service.bodyLimit().toBytes();
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, GatewayError.UPLOAD_TOO_LARGE, service.nameZh(), readable(service.bodyLimit()));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        AtomicLong seen = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        org.springframework.core.io.buffer.DataBufferUtils.release(buffer);
                        sink.error(new TijianException(GatewayError.UPLOAD_TOO_LARGE, service.nameZh(),
                                readable(service.bodyLimit())));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private static String readable(DataSize size) {
        return size.toMegabytes() >= 1 ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }
}
