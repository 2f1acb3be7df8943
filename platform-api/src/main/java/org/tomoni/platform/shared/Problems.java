package org.tomoni.platform.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * The one mapping from an {@link ErrorCode} (and its field errors) to problem+json. Routes do not
 * call it: they return an {@link Outcome} and {@link OutcomeResponses} answers it; filters and
 * framework errors use it directly.
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
            .map(e -> new FieldError(e.field(), e.code(), messages.field(e, locale), e.row(), e.args()))
            .toList();
        return new Problem("about:blank", messages.get(code.messageKey(), locale), code.status(), code.code(), localized);
    }

    public Locale localeOf(HttpRequest<?> request) {
        return messages.localeOf(request);
    }
}
