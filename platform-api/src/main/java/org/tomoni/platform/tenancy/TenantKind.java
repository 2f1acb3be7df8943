package org.tomoni.platform.tenancy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * What kind of organisation a tenant is; decides the modules it has (its settings may switch
 * some off). Modules not built yet (events, partners, grants, childfund, consultations) have no
 * routes so far.
 */
public enum TenantKind {
    CHILDREN_FUND(Module.CHILDFUND),
    CONSULTATION_CENTER(Module.CONSULTATIONS),
    HUB_NETWORK(),
    GRANT_FUND(),
    MEMBERSHIP_ORGANIZATION(),
    OTHER();

    private final Set<Module> defaultModules;

    TenantKind(Module... own) {
        // What every kind uses: members and fees, giving, event fees, partners and grants (given and received).
        this.defaultModules = EnumSet.of(Module.MEMBERS, Module.GIVING, Module.EVENTS, Module.PARTNERS, Module.GRANTS);
        this.defaultModules.addAll(java.util.List.of(own));
    }

    /** The modules a tenant of this kind has unless its settings switch some off; it can have no others. */
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
