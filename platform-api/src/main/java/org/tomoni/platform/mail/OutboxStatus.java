package org.tomoni.platform.mail;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a queued mail stands (column {@code outbox.status}, whose CHECK lists these codes). A
 * pending mail is sent, found undeliverable for want of an SMTP server (unsent), or given up after
 * the last attempt (failed); a failed attempt before that leaves it pending for the next one. The
 * three ends are final: nothing sends a mail twice on purpose.
 */
public enum OutboxStatus {
    PENDING("pending"),
    SENT("sent"),
    UNSENT("unsent"),
    FAILED("failed");

    private final String code;

    OutboxStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<OutboxStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Only a pending mail moves: to another attempt (pending again) or to one of the ends. */
    public boolean canBecome(OutboxStatus next) {
        return this == PENDING;
    }

    /** Whether the row is done with and may be pruned after the keeping time (failed ones stay for the operator). */
    public boolean prunable() {
        return this == SENT || this == UNSENT;
    }
}
