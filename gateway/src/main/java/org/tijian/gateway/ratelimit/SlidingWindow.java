package org.tijian.gateway.ratelimit;

import java.time.Duration;

/**
 * A sliding-window estimate over two fixed windows: the previous window's count weighs by the part of
 * it still inside the sliding window. Counts live in the database so every gateway replica sees the
 * same client's calls; this class only decides.
 */
public record SlidingWindow(int limit, Duration window) {

    public SlidingWindow {
        if (limit < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request, not " + limit);
        }
    }

    /** The fixed window an instant falls in, as its start in epoch milliseconds. */
    public long windowStart(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, window.toMillis());
    }

    /**
     * @param current requests in the current fixed window, this one included
     * @param previous requests in the fixed window before it
     * @param elapsedMillis time since the current window started
     */
    public Decision decide(long current, long previous, long elapsedMillis) {
        double windowMillis = window.toMillis();
        double estimate = previous * (1 - elapsedMillis / windowMillis) + current;
        if (estimate <= limit) {
            return new Decision(true, 0);
        }
        double waitMillis;
        if (current > limit) {
            // only the next window helps, once enough of this one has slid out
            waitMillis = (windowMillis - elapsedMillis) + windowMillis * (1 - (double) limit / current);
        } else {
            waitMillis = windowMillis * (1 - (double) (limit - current) / previous) - elapsedMillis;
        }
        return new Decision(false, Math.max(1, (long) Math.ceil(waitMillis / 1000)));
    }

    public record Decision(boolean allowed, long retryAfterSeconds) {
    }
}
