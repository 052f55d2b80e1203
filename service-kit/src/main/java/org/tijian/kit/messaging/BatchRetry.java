package org.tijian.kit.messaging;

import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of a batch consumer that dead-letters its bad records itself ({@link DeadLetters}): any other
 * failure (the database is down) fails the poll, which is retried, the consumer paused between attempts, from 0.5 s
 * doubling to 30 s, without limit. The consumer may lag, never skip.
 */
public final class BatchRetry {

    /** The kit's bean of it, which batch bindings name ({@code common-error-handler-bean-name}). */
    public static final String BEAN = "batchRetryErrorHandler";

    public static CommonErrorHandler withoutLimit() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        return new DefaultErrorHandler(backOff);
    }

    private BatchRetry() {
    }
}
