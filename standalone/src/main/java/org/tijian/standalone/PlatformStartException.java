package org.tijian.standalone;

/** A part of the platform did not start; the message names it and quotes the end of its log. */
public class PlatformStartException extends RuntimeException {

    public PlatformStartException(String message) {
        super(message);
    }

    public PlatformStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
