package org.tomoni.platform.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

import java.util.List;

@Singleton
@Produces
class RejectedRequestHandler implements ExceptionHandler<RejectedRequest, HttpResponse<?>> {
    private final Problems problems;

    RejectedRequestHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RejectedRequest exception) {
        return problems.of(request, exception.code(), List.of());
    }
}
