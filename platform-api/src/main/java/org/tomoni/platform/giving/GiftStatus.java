package org.tomoni.platform.giving;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The status of a recurring gift, as stored in {@code recurring_gifts.status} (text with a CHECK of exactly these codes),
 * with every move the gift may make. Staff and donors pause, resume and cancel ({@link Action}); only a failed charge puts
 * a gift into {@code error}, and a collected one or a resume takes it out again.
 */
public enum GiftStatus {
    ACTIVE("active"),
    PAUSED("paused"),
    /** The last charge failed (debit result or card decline); {@code status_reason} says why. */
    ERROR("error"),
    /** Final: a cancelled gift is never charged, changed or revived. */
    CANCELLED("cancelled");

    private final String code;

    GiftStatus(String code) {
        this.code = code;
    }

    /** The code as stored and as the API shows it. */
    public String code() {
        return code;
    }

    public static Optional<GiftStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** The status stored in a row; the CHECK guarantees one of the codes. */
    public static GiftStatus fromCode(String code) {
        return of(code).orElseThrow(() -> new IllegalArgumentException("unknown gift status " + code));
    }

    /** The statuses this one may change into. */
    public Set<GiftStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(PAUSED, ERROR, CANCELLED);
            case PAUSED -> EnumSet.of(ACTIVE, CANCELLED);
            // A further failed charge keeps the gift in error with the newer reason.
            case ERROR -> EnumSet.of(ACTIVE, ERROR, CANCELLED);
            case CANCELLED -> EnumSet.noneOf(GiftStatus.class);
        };
    }

    public boolean canBecome(GiftStatus next) {
        return next().contains(next);
    }

    /** A gift that can still be changed (units, plan, method): anything but cancelled. */
    public boolean isOpen() {
        return this != CANCELLED;
    }

    /** The changes people ask for by name ({@code POST …/{id}/pause}); each names the status it leads to. */
    public enum Action {
        PAUSE("pause", PAUSED),
        RESUME("resume", ACTIVE),
        CANCEL("cancel", CANCELLED);

        private final String code;
        private final GiftStatus target;

        Action(String code, GiftStatus target) {
            this.code = code;
            this.target = target;
        }

        public String code() {
            return code;
        }

        public GiftStatus target() {
            return target;
        }

        public static Optional<Action> of(String code) {
            return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
        }

        /** The status {@code from} becomes by this action, or empty when the move is refused. */
        public Optional<GiftStatus> from(GiftStatus from) {
            return from.canBecome(target) ? Optional.of(target) : Optional.empty();
        }
    }
}
