package org.tijian.kit.tracing;

import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Trace ids in every log line and, when {@code management.opentelemetry.tracing.export.otlp.endpoint} is set, spans
 * exported over OTLP (off by default). See docs/operations.md, "Tracing".
 */
@AutoConfiguration
public class TracingConfiguration {

    @Bean
    Traces traces(ObjectProvider<Tracer> tracer) {
        return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    TraceParentWebFilter traceParentWebFilter() {
        return new TraceParentWebFilter();
    }
}
