package org.tomoni.platform.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Arrays;
import java.util.List;

/**
 * One bad field: {@code field} uses the API's names, nested as {@code donor.email}; {@code row}
 * is the line of an uploaded file (the header is line 1), absent otherwise. {@code args} fill the
 * placeholders of the code's message ({@code field.<code>}: {@code {0}}, {@code {1}}, …), such as
 * the year a receipt cannot yet be issued for; {@link Messages#field} puts them in.
 */
@Serdeable
public record FieldError(String field, String code, String message, @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
                         @Nullable @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> args) {
    public FieldError {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public FieldError(String field, String code, String message, Integer row) {
        this(field, code, message, row, List.of());
    }

    public FieldError(String field, String code, String message) {
        this(field, code, message, null, List.of());
    }

    public static FieldError of(String field, String code) {
        return new FieldError(field, code, null, null, List.of());
    }

    /** A field error whose message names values: {@code args} fill the message's {@code {0}}, {@code {1}}, … */
    public static FieldError of(String field, String code, Object... args) {
        return new FieldError(field, code, null, null, Arrays.stream(args).map(String::valueOf).toList());
    }

    public static FieldError atRow(int row, String field, String code) {
        return new FieldError(field, code, null, row, List.of());
    }

    /** A line of an uploaded file whose message names values. */
    public static FieldError atRow(int row, String field, String code, Object... args) {
        return new FieldError(field, code, null, row, Arrays.stream(args).map(String::valueOf).toList());
    }
}
