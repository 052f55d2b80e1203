package org.tijian.kit.error;

/**
 * A stable, documented error code (e.g. {@code INTAKE_E1003}). Each service keeps one catalogue,
 * an enum implementing this whose constants each hold a {@link Definition}; problem+json bodies
 * carry the code and batch summaries group by it. Messages may hold {@code {0}}-style placeholders
 * filled from the exception's arguments.
 */
public interface ErrorCode {

    Definition definition();

    default String code() {
        return definition().code();
    }

    /** The HTTP status this error is answered with. */
    default int httpStatus() {
        return definition().httpStatus();
    }

    default String messageZh() {
        return definition().messageZh();
    }

    default String messageEn() {
        return definition().messageEn();
    }

    static Definition define(String code, int httpStatus, String messageZh, String messageEn) {
        return new Definition(code, httpStatus, messageZh, messageEn);
    }

    record Definition(String code, int httpStatus, String messageZh, String messageEn) {
    }
}
