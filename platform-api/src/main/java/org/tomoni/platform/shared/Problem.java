package org.tomoni.platform.shared;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The body of every error answer ({@code application/problem+json}, RFC 9457, plus our code and fields). */
@Serdeable
public record Problem(String type, String title, int status, String code, List<FieldError> errors) {
}
