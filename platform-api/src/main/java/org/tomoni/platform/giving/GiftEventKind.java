package org.tomoni.platform.giving;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a line of a recurring gift's history records, as stored in {@code recurring_gift_events.kind} (text with a CHECK
 * of exactly these codes). The line's {@code before} and {@code after} ({@link GiftChange}) say what changed; screens
 * render both in the reader's language.
 */
public enum GiftEventKind {
    /** The gift was entered (after: status, plan, units, method). */
    CREATED("created"),
    /** The number of units changed (before and after: units). */
    UNITS("units"),
    /** Paused, resumed or cancelled by staff or the donor (before and after: status). */
    PAUSE("pause"),
    RESUME("resume"),
    CANCEL("cancel"),
    /** A card charge was declined (after: status error, the gateway's decline code). */
    CARD_FAILED("card_failed"),
    /** A direct debit came back unpaid (after: status error, the Zengin result code, whether the next run retries). */
    DEBIT_FAILED("debit_failed"),
    /** A gift in error was debited again (before: error, after: active). */
    RECOVERED("recovered");

    private final String code;

    GiftEventKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<GiftEventKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    /** The history line a status action writes. */
    static GiftEventKind of(GiftStatus.Action action) {
        return switch (action) {
            case PAUSE -> PAUSE;
            case RESUME -> RESUME;
            case CANCEL -> CANCEL;
        };
    }
}
