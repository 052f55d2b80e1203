package org.tijian.gateway.routing;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.swagger.v3.oas.annotations.Hidden;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.gateway.GatewayError;
import org.tijian.kit.error.ProblemResponses;
import org.tijian.kit.error.TijianException;
import reactor.core.publisher.Mono;

/** Where a route's circuit breaker sends a call its service did not answer in time, or at all. */
@Hidden
@RestController
class FallbackController {

    private final ServiceRoutes routes;
    private final ProblemResponses problems;

    FallbackController(ServiceRoutes routes, ProblemResponses problems) {
        this.routes = routes;
        this.problems = problems;
    }

    @RequestMapping("/gateway/fallback/{serviceId}")
    Mono<Void> unavailable(@PathVariable String serviceId, ServerWebExchange exchange) {
        ServiceRoutes.Service service = routes.service(serviceId);
        String name = service.nameZh() + " (" + service.id() + ")";
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        if (cause instanceof TijianException refused) {
            // the gateway itself refused the call on the way (a streamed upload over its limit)
            return problems.write(exchange, refused.errorCode(), refused.arguments());
        }
        exchange.getResponse().getHeaders().set("Retry-After", cause instanceof CallNotPermittedException ? "10" : "1");
        if (cause instanceof TimeoutException) {
            return problems.write(exchange, GatewayError.SERVICE_TIMED_OUT, name, service.timeout().toSeconds());
        }
        return problems.write(exchange, GatewayError.SERVICE_UNAVAILABLE, name);
    }
}
