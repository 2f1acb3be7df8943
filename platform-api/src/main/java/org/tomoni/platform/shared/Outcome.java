package org.tomoni.platform.shared;

import java.util.List;
import java.util.function.Function;

/** The result of a domain operation: a value, or a rejection with its reasons. */
public sealed interface Outcome<T> {

    record Ok<T>(T value) implements Outcome<T> {
    }

    record Rejected<T>(ErrorCode code, List<FieldError> errors) implements Outcome<T> {
        public Rejected {
            errors = List.copyOf(errors);
        }

        /** The same rejection as a result of another type: a refused check answered as the operation's result. */
        public <R> Outcome<R> cast() {
            return new Rejected<>(code, errors);
        }
    }

    static <T> Outcome<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Outcome<T> rejected(ErrorCode code) {
        return new Rejected<>(code, List.of());
    }

    static <T> Outcome<T> invalid(List<FieldError> errors) {
        return new Rejected<>(ErrorCode.VALIDATION_FAILED, errors);
    }

    default boolean isOk() {
        return this instanceof Ok;
    }

    default <R> Outcome<R> map(Function<T, R> f) {
        if (this instanceof Ok<T> ok) {
            return new Ok<>(f.apply(ok.value()));
        }
        Rejected<T> r = (Rejected<T>) this;
        return new Rejected<>(r.code(), r.errors());
    }

    default <R> Outcome<R> flatMap(Function<T, Outcome<R>> f) {
        if (this instanceof Ok<T> ok) {
            return f.apply(ok.value());
        }
        Rejected<T> r = (Rejected<T>) this;
        return new Rejected<>(r.code(), r.errors());
    }

    /** The value; for callers (tests, provisioning) that treat a rejection as a bug. */
    default T orThrow() {
        if (this instanceof Ok<T> ok) {
            return ok.value();
        }
        Rejected<T> r = (Rejected<T>) this;
        throw new IllegalStateException("rejected: " + r.code() + " " + r.errors());
    }
}
