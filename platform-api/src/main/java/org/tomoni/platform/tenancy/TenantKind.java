package org.tomoni.platform.tenancy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What kind of organisation a tenant is; decides the modules its staff see by default. */
public enum TenantKind {
    CHILDREN_FUND(EnumSet.of(Module.MEMBERS, Module.GIVING, Module.EVENTS, Module.CHILDFUND)),
    CONSULTATION_CENTER(EnumSet.of(Module.MEMBERS, Module.CONSULTATIONS, Module.PARTNERS, Module.EVENTS)),
    HUB_NETWORK(EnumSet.of(Module.MEMBERS, Module.EVENTS, Module.PARTNERS, Module.GRANTS)),
    GRANT_FUND(EnumSet.of(Module.MEMBERS, Module.GIVING, Module.GRANTS, Module.EVENTS)),
    MEMBERSHIP_ORGANIZATION(EnumSet.of(Module.MEMBERS, Module.GIVING, Module.EVENTS)),
    OTHER(EnumSet.of(Module.MEMBERS));

    private final Set<Module> defaultModules;

    TenantKind(Set<Module> defaultModules) {
        this.defaultModules = defaultModules;
    }

    public Set<Module> defaultModules() {
        return EnumSet.copyOf(defaultModules);
    }

    public String code() {
        return name().toLowerCase();
    }

    public static Optional<TenantKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code)).findFirst();
    }
}
