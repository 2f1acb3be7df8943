package org.tomoni.platform.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One bad field: {@code field} uses the API's names, nested as {@code donor.email}; {@code row}
 * is the line of an uploaded file (the header is line 1), absent otherwise.
 */
@Serdeable
public record FieldError(String field, String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) Integer row) {
    public FieldError(String field, String code, String message) {
        this(field, code, message, null);
    }

    public static FieldError of(String field, String code) {
        return new FieldError(field, code, null, null);
    }

    public static FieldError atRow(int row, String field, String code) {
        return new FieldError(field, code, null, row);
    }
}
