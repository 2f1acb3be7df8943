package org.tomoni.platform.tenancy;

import java.util.Arrays;
import java.util.Optional;

/** Feature modules a tenant can have enabled. */
public enum Module {
    MEMBERS, GIVING, GRANTS, EVENTS, PARTNERS, CHILDFUND, CONSULTATIONS;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Module> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
