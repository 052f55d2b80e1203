package org.tijian.kit.error;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Answers every HTTP error as problem+json with a stable code: thrown {@link TijianException}s,
 * binding and decoding errors, unknown routes, and anything unexpected (500, logged with a trace
 * number the caller can quote). Runs before Spring Boot's default error handler.
 */
public class ProblemJsonExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemJsonExceptionHandler.class);

    private final ProblemResponses problems;

    public ProblemJsonExceptionHandler(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        return problems.write(exchange, toProblem(exchange, error));
    }

    ProblemDetail toProblem(ServerWebExchange exchange, Throwable error) {
        var locale = ProblemResponses.locale(exchange);
        if (error instanceof TijianException e) {
            ProblemDetail problem = problems.problem(e.errorCode(), locale, e.arguments());
            if (e instanceof RowErrorsException rows) {
                problem.setProperty("errors", rows.rowErrors());
            }
            return problem;
        }
        if (error instanceof WebExchangeBindException e) {
            List<Map<String, String>> fields = e.getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
                    .toList();
            ProblemDetail problem = problems.problem(CommonError.VALIDATION_FAILED, locale,
                    fields.stream().map(f -> f.get("field") + " " + f.get("message")).toList());
            problem.setProperty("errors", fields);
            return problem;
        }
        if (error instanceof DataBufferLimitException || hasCause(error, DataBufferLimitException.class)) {
            return problems.problem(CommonError.PAYLOAD_TOO_LARGE, locale, error.getMessage());
        }
        if (error instanceof UnsupportedMediaTypeStatusException e) {
            return problems.problem(CommonError.UNSUPPORTED_MEDIA_TYPE, locale, String.valueOf(e.getContentType()));
        }
        if (error instanceof MethodNotAllowedException e) {
            return problems.problem(CommonError.METHOD_NOT_ALLOWED, locale, e.getHttpMethod());
        }
        if (error instanceof ServerWebInputException e) {
            return problems.problem(CommonError.MALFORMED_REQUEST, locale, mostSpecificMessage(e));
        }
        if (error instanceof ResponseStatusException e) {
            return switch (e.getStatusCode().value()) {
                case 404 -> problems.problem(CommonError.NOT_FOUND, locale, exchange.getRequest().getPath().value());
                case 401 -> problems.problem(CommonError.UNAUTHENTICATED, locale);
                case 403 -> problems.problem(CommonError.FORBIDDEN, locale, String.valueOf(e.getReason()));
                case 409 -> problems.problem(CommonError.CONFLICT, locale, String.valueOf(e.getReason()));
                case 413 -> problems.problem(CommonError.PAYLOAD_TOO_LARGE, locale, String.valueOf(e.getReason()));
                case 503 -> problems.problem(CommonError.UNAVAILABLE, locale, String.valueOf(e.getReason()));
                default -> e.getStatusCode().is4xxClientError()
                        ? problems.problem(CommonError.MALFORMED_REQUEST, locale, String.valueOf(e.getReason()))
                        : internal(exchange, error, locale);
            };
        }
        if (error instanceof AuthenticationException) {
            return problems.problem(CommonError.UNAUTHENTICATED, locale);
        }
        if (error instanceof AccessDeniedException e) {
            return problems.problem(CommonError.FORBIDDEN, locale, deniedReason(exchange, e));
        }
        if (hasCause(error, java.net.ConnectException.class) || error instanceof java.net.ConnectException) {
            // a gateway or client whose downstream service does not answer
            return problems.problem(CommonError.UNAVAILABLE, locale, exchange.getRequest().getPath().value());
        }
        if (error instanceof DataIntegrityViolationException) {
            return problems.problem(CommonError.CONFLICT, locale, "duplicate or inconsistent data");
        }
        return internal(exchange, error, locale);
    }

    private ProblemDetail internal(ServerWebExchange exchange, Throwable error, java.util.Locale locale) {
        String trace = UUID.randomUUID().toString();
        log.error("unexpected error {} on {} {}", trace, exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), error);
        ProblemDetail problem = problems.problem(CommonError.INTERNAL, locale, trace);
        problem.setProperty("trace", trace);
        return problem;
    }

    private static String mostSpecificMessage(ServerWebInputException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause == e ? e.getReason() : cause.getMessage();
        if (message == null) {
            return "unreadable body";
        }
        // Jackson messages append a long source location; the first line says what was wrong.
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Spring's own message for a role check is only "Access Denied": name what was refused instead, so the
     * caller sees which call their role may not make.
     */
    public static String deniedReason(ServerWebExchange exchange, AccessDeniedException denied) {
        String message = denied.getMessage();
        if (message == null || message.isBlank() || "Access Denied".equals(message)) {
            return exchange.getRequest().getMethod().name() + " " + exchange.getRequest().getPath().value()
                    + " (role / 角色)";
        }
        return message;
    }
}
