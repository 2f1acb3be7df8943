package org.tomoni.platform.shared;

import io.micronaut.core.annotation.Nullable;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a route answers when a plain {@code 200} is not the whole story: a domain {@link Outcome}
 * plus how its success is told over HTTP (created with a Location, or no content) and any extra
 * headers (e.g. Retry-After on a refusal). A route that just answers its value returns the
 * {@link Outcome} itself. {@link OutcomeResponses} is the one place either becomes an HTTP answer.
 */
public record Reply<T>(Outcome<T> outcome, Success success, @Nullable Function<T, String> location, Map<String, String> headers) {

    /** How a successful outcome is answered. */
    public enum Success {
        /** 200 with the value (and its ETag when {@link Versioned}). */
        OK,
        /** 201 with the value and its Location; 200 without Location when the value is {@link Fresh} and not fresh. */
        CREATED,
        /** 204, no body. */
        NO_CONTENT,
        /** 202, no body: taken in, its effect not told (a password-reset request, whether or not the address is known). */
        ACCEPTED
    }

    public Reply {
        headers = Map.copyOf(headers);
    }

    public static <T> Reply<T> ok(Outcome<T> outcome) {
        return new Reply<>(outcome, Success.OK, null, Map.of());
    }

    /** {@code location} builds the path of what was created, e.g. {@code p -> "/api/v1/people/" + p.id()}. */
    public static <T> Reply<T> created(Outcome<T> outcome, Function<T, String> location) {
        return new Reply<>(outcome, Success.CREATED, location, Map.of());
    }

    public static <T> Reply<T> noContent(Outcome<T> outcome) {
        return new Reply<>(outcome, Success.NO_CONTENT, null, Map.of());
    }

    public static <T> Reply<T> accepted(Outcome<T> outcome) {
        return new Reply<>(outcome, Success.ACCEPTED, null, Map.of());
    }

    public static <T> Reply<T> rejected(ErrorCode code) {
        return ok(Outcome.rejected(code));
    }

    /** The same answer with one more header, whether it succeeds or is rejected. */
    public Reply<T> header(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Reply<>(outcome, success, location, more);
    }
}
