package org.tomoni.platform.shared;

import java.util.OptionalLong;

/** Reads the version from an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}. */
public final class IfMatch {
    private IfMatch() {
    }

    public static OptionalLong version(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        String v = header.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
