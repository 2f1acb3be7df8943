package org.tomoni.platform.members.memberships;

/** How often a membership fee falls due. */
public enum FeePeriod {
    MONTHLY, YEARLY, ONCE;

    public String code() {
        return name().toLowerCase();
    }
}
