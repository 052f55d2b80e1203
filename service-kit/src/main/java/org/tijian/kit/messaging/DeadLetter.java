package org.tijian.kit.messaging;

/** A polled record a consumer cannot apply, and why; it goes to the group's dead-letter topic as it was. */
public record DeadLetter(PolledRecord record, String reason) {
}
