package org.tijian.kit.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.tijian.kit.messaging.TraceParent;

class TracesTest {

    private final Traces traces = Traces.withoutTracer();

    @Test
    void withoutATracerTheTraceStillReachesTheLogsForTheWorkOnly() {
        TraceParent event = TraceParent.newRoot();
        MDC.put(Traces.TRACE_ID, "outer");

        String seen = traces.consuming("ledger evaluation.IndicatorEvaluated", event, passedOn -> {
            assertThat(passedOn).isEqualTo(event);
            return MDC.get(Traces.TRACE_ID) + "/" + MDC.get(Traces.SPAN_ID);
        });

        assertThat(seen).isEqualTo(event.traceId() + "/" + event.spanId());
        assertThat(MDC.get(Traces.TRACE_ID)).isEqualTo("outer");
        assertThat(MDC.get(Traces.SPAN_ID)).isNull();
        MDC.clear();
    }

    @Test
    void aFailingWorkLeavesNoTraceBehind() {
        assertThatThrownBy(() -> traces.continuing("import submission", TraceParent.newRoot(), trace -> {
            throw new IllegalStateException("broken upload");
        })).hasMessage("broken upload");

        assertThat(MDC.get(Traces.TRACE_ID)).isNull();
    }
}
