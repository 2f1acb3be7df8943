package org.tomoni.platform.shared;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ConversionErrorHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;

/**
 * Path ids are bound as {@code @PathVariable UUID id}. One that is not a UUID names nothing, so it
 * answers 404, the same as an id that does not exist or belongs to another tenant (never a 400 that
 * tells the two apart). Every other conversion error answers as the framework does (400).
 */
@Singleton
@Produces
@Replaces(ConversionErrorHandler.class)
class PathIds extends ConversionErrorHandler {
    private final Problems problems;

    PathIds(ErrorResponseProcessor<?> processor, Problems problems) {
        super(processor);
        this.problems = problems;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConversionErrorException exception) {
        var argument = exception.getArgument();
        if (argument.getType() == UUID.class && argument.getAnnotationMetadata().hasAnnotation(PathVariable.class)) {
            return problems.of(request, ErrorCode.NOT_FOUND, List.of());
        }
        return super.handle(request, exception);
    }
}
