package org.tomoni.platform.shared;

/**
 * Thrown by an argument binder when a request cannot reach its route at all (no If-Match):
 * answered as problem+json with the code's status by {@link RejectedRequestHandler}.
 */
final class RejectedRequest extends RuntimeException {
    private final ErrorCode code;

    RejectedRequest(ErrorCode code) {
        super(code.code(), null, false, false);
        this.code = code;
    }

    ErrorCode code() {
        return code;
    }
}
