package org.tomoni.platform.shared;

import java.util.Arrays;
import java.util.Optional;

/** Roles, as carried in tokens and as JSON values (lowercase snake). */
public enum Role {
    TENANT_ADMIN(false), STAFF(false), READ_ONLY(false), NETWORK_OFFICE(true), PLATFORM_OPERATOR(true);

    private final boolean platformLevel;

    Role(boolean platformLevel) {
        this.platformLevel = platformLevel;
    }

    public boolean platformLevel() {
        return platformLevel;
    }

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst();
    }
}
