package org.tijian.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.function.Function;
import org.slf4j.MDC;
import org.tijian.kit.messaging.TraceParent;
import reactor.core.publisher.Mono;

/**
 * Work done on behalf of a trace outside the HTTP request that started it: consuming an event, importing an upload
 * on a worker thread. The work runs in a span that continues the trace, so its log lines carry {@code traceId} and
 * {@code spanId} (MDC) and, when OpenTelemetry export is configured, the span is exported as the parent of the
 * events the work publishes.
 *
 * <p>Without a tracer (tracing switched off) the trace ids still reach the logs, set in the MDC directly.
 */
public class Traces {

    public static final String TRACE_ID = "traceId";
    public static final String SPAN_ID = "spanId";

    private final Tracer tracer;

    public Traces(Tracer tracer) {
        this.tracer = tracer;
    }

    /** Traces that only put the ids in the logs. */
    public static Traces withoutTracer() {
        return new Traces(Tracer.NOOP);
    }

    /**
     * Consumes an event in a span whose parent is the span that stored it.
     *
     * @param name the span's name, e.g. {@code ledger tijian.evaluation.IndicatorEvaluated}
     * @param work given the trace to pass on (the new span), for the events it publishes
     */
    public <T> T consuming(String name, TraceParent parent, Function<TraceParent, T> work) {
        return inSpan(name, Span.Kind.CONSUMER, parent, work);
    }

    /**
     * Consumes an event of a poll whose events share one transaction: the span lasts until {@code work} completes.
     * Its log lines carry no trace ids (the work runs on the database driver's threads).
     */
    public <T> Mono<T> consumingLater(String name, TraceParent parent, Function<TraceParent, Mono<T>> work) {
        Span span = start(name, Span.Kind.CONSUMER, parent);
        if (span == null || span.isNoop()) {
            return work.apply(parent);
        }
        return work.apply(traceOf(span))
                .doOnError(span::error)
                .doFinally(signal -> span.end());
    }

    /** Continues a trace on another thread (work a request started and left to a worker). */
    public <T> T continuing(String name, TraceParent parent, Function<TraceParent, T> work) {
        return inSpan(name, null, parent, work);
    }

    private <T> T inSpan(String name, Span.Kind kind, TraceParent parent, Function<TraceParent, T> work) {
        Span span = start(name, kind, parent);
        if (span == null || span.isNoop()) {
            return inLogsOnly(parent, work);
        }
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.apply(traceOf(span));
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    private static TraceParent traceOf(Span span) {
        return new TraceParent(span.context().traceId(), span.context().spanId());
    }

    private Span start(String name, Span.Kind kind, TraceParent parent) {
        TraceContext parentContext = tracer.traceContextBuilder()
                .traceId(parent.traceId()).spanId(parent.spanId()).sampled(true).build();
        if (parentContext == null) {
            return null;
        }
        Span.Builder builder = tracer.spanBuilder().setParent(parentContext).name(name);
        return (kind == null ? builder : builder.kind(kind)).start();
    }

    private static <T> T inLogsOnly(TraceParent trace, Function<TraceParent, T> work) {
        String previousTrace = MDC.get(TRACE_ID);
        String previousSpan = MDC.get(SPAN_ID);
        MDC.put(TRACE_ID, trace.traceId());
        MDC.put(SPAN_ID, trace.spanId());
        try {
            return work.apply(trace);
        } finally {
            restore(TRACE_ID, previousTrace);
            restore(SPAN_ID, previousSpan);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
