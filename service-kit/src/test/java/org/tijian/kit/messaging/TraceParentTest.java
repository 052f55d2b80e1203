package org.tijian.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceParentTest {

    @Test
    void childKeepsTheTraceAndTakesANewSpan() {
        TraceParent parent = TraceParent.parseOrNew("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        TraceParent child = parent.child();

        assertThat(child.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(child.spanId()).hasSize(16).isNotEqualTo("00f067aa0ba902b7");
        assertThat(child.header()).matches("00-4bf92f3577b34da6a3ce929d0e0e4736-[0-9a-f]{16}-01");
    }

    @Test
    void missingOrMalformedHeaderStartsANewTrace() {
        assertThat(TraceParent.parseOrNew(null).header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
        assertThat(TraceParent.parseOrNew("garbage").traceId()).hasSize(32);
    }

    @Test
    void headersAreReadAsBytesOrTextUnderEitherCloudEventsSpelling() {
        Map<String, Object> headers = Map.of("ce_id", "a".getBytes(), "ce-type", "t");

        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.ID)).isEqualTo("a");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.TYPE)).isEqualTo("t");
        assertThat(CloudEventHeaders.text(headers, CloudEventHeaders.SUBJECT)).isNull();
    }
}
