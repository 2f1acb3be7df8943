package org.tomoni.platform.shared;

import io.micronaut.core.annotation.Nullable;

import java.io.InputStream;

/**
 * A file a route answers (CSV export, receipt PDF, bank file), as the value of an {@link Outcome}:
 * {@link OutcomeResponses} sends its content with its media type and Content-Disposition, and a
 * rejection as problem+json like any other answer. Either {@code bytes} or {@code stream} is set.
 */
public record Download(@Nullable byte[] bytes, @Nullable InputStream stream, long length, String mediaType, String disposition) {

    /** The whole file in memory. */
    public static Download bytes(byte[] content, String mediaType, String disposition) {
        return new Download(content, null, content.length, mediaType, disposition);
    }

    /** Streamed; {@code in} is closed once sent (its close may delete a temporary file). */
    public static Download stream(InputStream in, long length, String mediaType, String disposition) {
        return new Download(null, in, length, mediaType, disposition);
    }
}
