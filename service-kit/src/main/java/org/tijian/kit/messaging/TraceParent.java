package org.tijian.kit.messaging;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A W3C trace context {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}). Carried from
 * the HTTP request through every Kafka hop, so one upload can be followed to the problems it opened.
 */
public record TraceParent(String traceId, String spanId) {

    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static TraceParent newRoot() {
        return new TraceParent(randomHex(16), randomHex(8));
    }

    /** Parses a header value; a missing or malformed one starts a new trace. */
    public static TraceParent parseOrNew(String header) {
        if (header != null) {
            var matcher = FORMAT.matcher(header.trim());
            if (matcher.matches()) {
                return new TraceParent(matcher.group(1), matcher.group(2));
            }
        }
        return newRoot();
    }

    /** The same trace, a new span: what a service passes on when one event causes another. */
    public TraceParent child() {
        return new TraceParent(traceId, randomHex(8));
    }

    public String header() {
        return "00-" + traceId + "-" + spanId + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
