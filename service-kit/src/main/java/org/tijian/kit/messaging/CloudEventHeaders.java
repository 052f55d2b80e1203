package org.tijian.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** CloudEvents attributes as Kafka headers (binary content mode, Kafka protocol binding). */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACEPARENT = "traceparent";

    /**
     * Reads a header whatever form the Kafka header mapper left it in (bytes or text). Spring Cloud
     * Function renames {@code ce_x} headers to {@code ce-x} before a function sees them; both are read.
     */
    public static String text(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value == null && name.startsWith("ce_")) {
            value = headers.get("ce-" + name.substring(3));
        }
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value.toString();
    }

    private CloudEventHeaders() {
    }
}
