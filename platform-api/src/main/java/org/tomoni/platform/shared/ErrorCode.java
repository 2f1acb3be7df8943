package org.tomoni.platform.shared;

/** Every error the platform answers with: its HTTP status and the key of its message. */
public enum ErrorCode {
    VALIDATION_FAILED(400),
    MALFORMED_REQUEST(400),
    UNAUTHENTICATED(401),
    INVALID_CREDENTIALS(401),
    INVALID_REFRESH_TOKEN(401),
    FORBIDDEN(403),
    /** Signed in with a temporary password: only changing it (and signing out) is possible until then. */
    PASSWORD_CHANGE_REQUIRED(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    VERSION_CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    DUPLICATE(409),
    /** A record still used by others (a branch with people in it, a plan's amount with gifts on it). */
    IN_USE(409),
    UNPROCESSABLE_FILE(422),
    IDEMPOTENCY_MISMATCH(422),
    UNENCODABLE_EXPORT(422),
    NOT_READY(409),
    PRECONDITION_REQUIRED(428),
    TOO_MANY_ATTEMPTS(429),
    TOO_MANY_REQUESTS(429),
    INTERNAL(500);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public String code() {
        return name().toLowerCase();
    }

    public String messageKey() {
        return "error." + code();
    }
}
