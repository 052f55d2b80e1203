package org.tijian.kit.error;

/**
 * A stable, documented error code (e.g. {@code INTAKE_E1003}). Each service keeps one catalogue,
 * an enum implementing this; problem+json bodies carry the code and batch summaries group by it.
 * Messages may hold {@code {0}}-style placeholders filled from the exception's arguments.
 */
public interface ErrorCode {

    String code();

    /** The HTTP status this error is answered with. */
    int httpStatus();

    String messageZh();

    String messageEn();
}
