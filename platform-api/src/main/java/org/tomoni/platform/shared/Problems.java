package org.tomoni.platform.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The one mapping from an {@link ErrorCode} (and its field errors) to an HTTP answer, and from
 * a domain {@link Outcome} to a controller's response.
 */
@Singleton
public class Problems {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");
    private final Messages messages;

    Problems(Messages messages) {
        this.messages = messages;
    }

    public MutableHttpResponse<Problem> of(HttpRequest<?> request, ErrorCode code, List<FieldError> errors) {
        return HttpResponse.<Problem>status(HttpStatus.valueOf(code.status()))
            .contentType(PROBLEM_JSON)
            .body(body(messages.localeOf(request), code, errors));
    }

    public Problem body(Locale locale, ErrorCode code, List<FieldError> errors) {
        List<FieldError> localized = errors.stream()
            .map(e -> new FieldError(e.field(), e.code(), e.message() != null ? e.message() : messages.get("field." + e.code(), locale), e.row()))
            .toList();
        return new Problem("about:blank", messages.get(code.messageKey(), locale), code.status(), code.code(), localized);
    }

    public <T> HttpResponse<?> ok(HttpRequest<?> request, Outcome<T> outcome) {
        return respond(request, outcome, HttpStatus.OK, null);
    }

    public <T> HttpResponse<?> created(HttpRequest<?> request, Outcome<T> outcome, java.util.function.Function<T, URI> location) {
        return respond(request, outcome, HttpStatus.CREATED, location);
    }

    public HttpResponse<?> noContent(HttpRequest<?> request, Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r) {
            return of(request, r.code(), r.errors());
        }
        return HttpResponse.noContent();
    }

    private <T> HttpResponse<?> respond(HttpRequest<?> request, Outcome<T> outcome, HttpStatus status,
                                        java.util.function.Function<T, URI> location) {
        if (outcome instanceof Outcome.Rejected<T> r) {
            return of(request, r.code(), r.errors());
        }
        T value = ((Outcome.Ok<T>) outcome).value();
        MutableHttpResponse<T> response = HttpResponse.<T>status(status).body(value);
        if (value instanceof Versioned v) {
            response.header("ETag", "\"" + v.version() + "\"");
        }
        if (location != null) {
            response.header("Location", location.apply(value).toString());
        }
        return response;
    }
}
