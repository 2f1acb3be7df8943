package org.tomoni.platform.members.memberships;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a membership, as stored in {@code memberships.status} (codes equal the column's
 * CHECK): active and lapsed (dues in arrears) turn into each other; either ends; an ended
 * membership stays ended.
 */
public enum MembershipStatus {
    ACTIVE, LAPSED, ENDED;

    public String code() {
        return name().toLowerCase();
    }

    public static MembershipStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no membership status " + code));
    }

    /** The statuses this one may turn into; staying the same is no move. */
    public Set<MembershipStatus> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(LAPSED, ENDED);
            case LAPSED -> EnumSet.of(ACTIVE, ENDED);
            case ENDED -> EnumSet.noneOf(MembershipStatus.class);
        };
    }

    public boolean canBecome(MembershipStatus next) {
        return next().contains(next);
    }
}
