package org.tijian.kit.messaging;

/**
 * A message that can never be processed (no event id, unreadable payload). Not retried: it goes
 * straight to the consumer group's dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
