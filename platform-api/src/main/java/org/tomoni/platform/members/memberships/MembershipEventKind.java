package org.tomoni.platform.members.memberships;

import java.util.Arrays;

/**
 * What one row of a membership's history records ({@code membership_events.kind}, codes equal the
 * column's CHECK). A status change is named after the status entered ({@code active},
 * {@code lapsed}); {@code before} and {@code after} hold the changed fields.
 */
public enum MembershipEventKind {
    /** after: the type's name and the units. */
    STARTED,
    /** before/after: units. */
    UNITS_CHANGED,
    /** before/after: startsOn. */
    START_CHANGED,
    /** before/after: status (back to active). */
    ACTIVE,
    /** before/after: status (lapsed). */
    LAPSED,
    /** before: status; after: status ended and endsOn. */
    ENDED;

    public String code() {
        return name().toLowerCase();
    }

    public static MembershipEventKind of(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no membership event kind " + code));
    }

    /** The event of entering {@code status} by an update. */
    static MembershipEventKind entering(MembershipStatus status) {
        return switch (status) {
            case ACTIVE -> ACTIVE;
            case LAPSED -> LAPSED;
            case ENDED -> ENDED;
        };
    }
}
