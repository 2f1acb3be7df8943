package org.tomoni.platform.shared;

import java.time.Duration;

/** A limit written "count per minutes", e.g. {@code 10/10}: at most 10 events in any 10 minutes. */
public record RateLimit(int count, Duration window) {

    /** Parses the setting; a bad value fails with a message naming the setting and the expected form. */
    public static RateLimit parse(String setting, String value) {
        String v = value == null ? "" : value.strip();
        if (v.matches("\\d{1,6}/\\d{1,6}")) {
            int count = Integer.parseInt(v.substring(0, v.indexOf('/')));
            int minutes = Integer.parseInt(v.substring(v.indexOf('/') + 1));
            if (count > 0 && minutes > 0) {
                return new RateLimit(count, Duration.ofMinutes(minutes));
            }
        }
        throw new IllegalStateException(setting + " is '" + value + "'; expected \"count/minutes\" with both above zero, e.g. 10/10");
    }

    @Override
    public String toString() {
        return count + "/" + window.toMinutes();
    }
}
