package org.tijian.kit.messaging;

/** A polled record a consumer cannot apply, and why; it goes to the group's dead-letter topic as it was. */
public record DeadLetter(PolledRecord record, String reason) {

    /** An error message as a dead letter's reason: its first line, at most 300 characters. */
    public static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        String line = newline > 0 ? message.substring(0, newline) : message;
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
