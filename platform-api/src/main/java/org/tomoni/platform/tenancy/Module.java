package org.tomoni.platform.tenancy;

import java.util.Arrays;
import java.util.Optional;

/**
 * The one list of module codes a tenant kind may name and a tenant may have enabled (the API
 * and the tenant-kinds screen speak the codes). A module issue adds its code here; what a tenant
 * can do is decided by its kind's data and its settings, never by code that names a kind.
 */
public enum Module {
    MEMBERS, GIVING, GRANTS, EVENTS, PARTNERS, CHILDFUND, CONSULTATIONS, PETITIONS;

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<Module> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code)).findFirst();
    }
}
