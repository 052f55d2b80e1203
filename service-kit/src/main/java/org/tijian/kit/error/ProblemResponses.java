package org.tijian.kit.error;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import org.tijian.kit.tracing.TraceParentWebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json bodies with a stable {@code code}, in Chinese unless English is asked for. */
public class ProblemResponses {

    public static final String TYPE_BASE = "https://tijian.org/errors/";

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail problem(ErrorCode code, Locale locale, Object... arguments) {
        HttpStatus status = HttpStatus.valueOf(code.httpStatus());
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_BASE + code.code()));
        problem.setTitle(english(locale) ? titleEn(code) : titleZh(code));
        problem.setDetail(TijianException.message(code, locale, arguments));
        problem.setProperty("code", code.code());
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, ErrorCode code, Object... arguments) {
        return write(exchange, problem(code, locale(exchange), arguments));
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        response.setStatusCode(HttpStatus.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        // what a user reports with the error leads to its log lines
        TraceParentWebFilter.of(exchange).ifPresent(trace -> body.putIfAbsent("traceId", trace.traceId()));
        byte[] bytes = json.writeValueAsBytes(body);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
    }

    /** Chinese unless the caller's first preferred language is English. */
    public static Locale locale(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            return Locale.SIMPLIFIED_CHINESE;
        }
        if (!ranges.isEmpty() && ranges.get(0).getRange().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    private static boolean english(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage());
    }

    /** The message without its placeholder tail, e.g. "Not found" for "Not found: {0}". */
    private static String titleEn(ErrorCode code) {
        return head(code.messageEn());
    }

    private static String titleZh(ErrorCode code) {
        return head(code.messageZh());
    }

    private static String head(String message) {
        int cut = message.length();
        for (String separator : new String[] {"：", ": ", "，", "; ", "（", " ("}) {
            int at = message.indexOf(separator);
            if (at > 0 && at < cut) {
                cut = at;
            }
        }
        // a title names the kind of problem; the detail has the particulars: "未找到区域 {0}" gives "未找到区域"
        return message.substring(0, cut).replaceAll("\\s*\\{\\d+}", "").strip();
    }

}
