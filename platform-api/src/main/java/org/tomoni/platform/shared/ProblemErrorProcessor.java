package org.tomoni.platform.shared;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;

/**
 * Framework errors (unknown route, wrong method, unreadable JSON, missing login, missing role,
 * unexpected failures) answer in the same problem+json shape as domain rejections.
 */
@Singleton
class ProblemErrorProcessor implements ErrorResponseProcessor<Problem> {
    private final Problems problems;
    private final Messages messages;

    ProblemErrorProcessor(Problems problems, Messages messages) {
        this.problems = problems;
        this.messages = messages;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        ErrorCode code = codeFor(response.code(), context);
        List<FieldError> errors = new ArrayList<>();
        if (code == ErrorCode.VALIDATION_FAILED) {
            context.getErrors().forEach(e -> errors.add(new FieldError(e.getPath().map(ProblemErrorProcessor::lastSegment).orElse(null),
                "invalid", e.getMessage())));
        }
        return ((MutableHttpResponse<Problem>) response)
            .contentType(Problems.PROBLEM_JSON)
            .body(problems.body(messages.localeOf(context.getRequest()), code, errors));
    }

    private static ErrorCode codeFor(int status, ErrorContext context) {
        return switch (status) {
            case 400 -> context.getRootCause().filter(ConversionErrorException.class::isInstance).isPresent()
                || context.getErrors().stream().noneMatch(e -> e.getPath().isPresent())
                ? ErrorCode.MALFORMED_REQUEST : ErrorCode.VALIDATION_FAILED;
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 409 -> ErrorCode.VERSION_CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.TOO_MANY_ATTEMPTS;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
    }

    private static String lastSegment(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
