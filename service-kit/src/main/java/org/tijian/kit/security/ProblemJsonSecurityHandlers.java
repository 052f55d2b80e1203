package org.tijian.kit.security;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.kit.error.CommonError;
import org.tijian.kit.error.ProblemJsonExceptionHandler;
import org.tijian.kit.error.ProblemResponses;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem+json, with the {@code WWW-Authenticate} challenge resource servers send. */
public class ProblemJsonSecurityHandlers implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    public ProblemJsonSecurityHandlers(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        String challenge = failure == null || exchange.getRequest().getHeaders().getFirst("Authorization") == null
                ? "Bearer"
                : "Bearer error=\"invalid_token\"";
        exchange.getResponse().getHeaders().set("WWW-Authenticate", challenge);
        return problems.write(exchange, CommonError.UNAUTHENTICATED);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, CommonError.FORBIDDEN, ProblemJsonExceptionHandler.deniedReason(exchange, denied));
    }
}
