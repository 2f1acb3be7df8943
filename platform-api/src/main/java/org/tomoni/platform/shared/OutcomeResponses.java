package org.tomoni.platform.shared;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.types.files.StreamedFile;

/**
 * The one mapping from what a route returns (an {@link Outcome} or a {@link Reply}) to its HTTP
 * answer: a rejection becomes problem+json through {@link Problems}; a success becomes 200 (or 201
 * with Location, or 204) with the value, its ETag when {@link Versioned}, and a {@link Download}'s
 * content type and Content-Disposition. Runs on the response before it is encoded.
 */
@ServerFilter("/api/**")
final class OutcomeResponses implements Ordered {
    private final Problems problems;

    OutcomeResponses(Problems problems) {
        this.problems = problems;
    }

    /** Innermost: it sees the route's own return value before any other filter sees the response. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.LAST.order();
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object body = response.body();
        if (body instanceof Reply<?> reply) {
            apply(request, response, reply);
        } else if (body instanceof Outcome<?> outcome) {
            apply(request, response, Reply.ok(outcome));
        }
    }

    @SuppressWarnings("unchecked")
    private <T> void apply(HttpRequest<?> request, MutableHttpResponse<?> response, Reply<T> reply) {
        MutableHttpResponse<Object> out = (MutableHttpResponse<Object>) response;
        reply.headers().forEach(out::header);
        if (reply.outcome() instanceof Outcome.Rejected<T> r) {
            out.status(HttpStatus.valueOf(r.code().status()))
                .contentType(Problems.PROBLEM_JSON)
                .body(problems.body(problems.localeOf(request), r.code(), r.errors()));
            return;
        }
        T value = ((Outcome.Ok<T>) reply.outcome()).value();
        switch (reply.success()) {
            case NO_CONTENT -> {
                out.status(HttpStatus.NO_CONTENT).body(null);
                return;
            }
            case ACCEPTED -> {
                out.status(HttpStatus.ACCEPTED).body(null);
                return;
            }
            case CREATED -> {
                boolean fresh = !(value instanceof Fresh f) || f.fresh();
                out.status(fresh ? HttpStatus.CREATED : HttpStatus.OK);
                if (fresh && reply.location() != null) {
                    out.header(HttpHeaders.LOCATION, reply.location().apply(value));
                }
            }
            case OK -> out.status(HttpStatus.OK);
        }
        if (value instanceof Versioned v) {
            out.header(HttpHeaders.ETAG, "\"" + v.version() + "\"");
        }
        if (value instanceof Download d) {
            MediaType type = MediaType.of(d.mediaType());
            out.contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, d.disposition())
                .body(d.bytes() != null ? d.bytes() : new StreamedFile(d.stream(), type, System.currentTimeMillis(), d.length()));
        } else {
            out.body(value);
        }
    }
}
