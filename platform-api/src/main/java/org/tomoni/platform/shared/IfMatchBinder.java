package org.tomoni.platform.shared;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import jakarta.inject.Singleton;

import java.util.Optional;
import java.util.OptionalLong;

/** Binds {@link IfMatch} arguments; no usable version refuses the request with 428 PRECONDITION_REQUIRED. */
@Singleton
class IfMatchBinder implements AnnotatedRequestArgumentBinder<IfMatch, Long> {

    @Override
    public Class<IfMatch> getAnnotationType() {
        return IfMatch.class;
    }

    @Override
    public BindingResult<Long> bind(ArgumentConversionContext<Long> context, HttpRequest<?> request) {
        OptionalLong version = version(request.getHeaders().get(HttpHeaders.IF_MATCH));
        if (version.isEmpty()) {
            throw new RejectedRequest(ErrorCode.PRECONDITION_REQUIRED);
        }
        long v = version.getAsLong();
        return () -> Optional.of(v);
    }

    /** Reads the version from an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}. */
    static OptionalLong version(String header) {
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
