package org.tomoni.platform.shared;

import io.micronaut.serde.annotation.Serdeable;

/** One bad field: {@code field} uses the API's names, nested as {@code donor.email}. */
@Serdeable
public record FieldError(String field, String code, String message) {
    public static FieldError of(String field, String code) {
        return new FieldError(field, code, null);
    }
}
