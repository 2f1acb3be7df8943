package org.tomoni.platform.tenancy;

import java.util.Arrays;
import java.util.Optional;

/**
 * A tenant's lifecycle (column {@code tenants.status}, whose CHECK lists these codes): an active
 * tenant's users sign in; a suspended one's cannot until the operator reactivates it. The moves
 * allowed are here and nowhere else.
 */
public enum TenantStatus {
    ACTIVE("active"),
    SUSPENDED("suspended");

    private final String code;

    TenantStatus(String code) {
        this.code = code;
    }

    /** The code as stored. */
    public String code() {
        return code;
    }

    public static Optional<TenantStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    /** Active and suspended turn into each other; a status never "moves" to itself. */
    public boolean canBecome(TenantStatus next) {
        return switch (this) {
            case ACTIVE -> next == SUSPENDED;
            case SUSPENDED -> next == ACTIVE;
        };
    }

    /** Whether the tenant's users may sign in. */
    public boolean admitsLogins() {
        return this == ACTIVE;
    }
}
