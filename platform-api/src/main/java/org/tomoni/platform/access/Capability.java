package org.tomoni.platform.access;

import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Module;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the platform lets someone do, declared once: its code, the module it belongs to
 * (null for the core, there whatever a tenant has enabled), the roles that hold it, and the
 * duties that grant it to a user whatever the role. Narrow actors (donor links, public forms,
 * partners' links, jobs) hold the capabilities they are made with and nothing else.
 * {@link AccessPolicy} is the only judge; routes and views name the capability they need.
 */
public enum Capability {
    /** Anyone, signed in or not: sign-in itself, the health page. */
    PUBLIC("public", null, Set.of()),
    /** Every signed-in user, whatever the role: the home page, sign-out. */
    SIGNED_IN("signed_in", null, EnumSet.allOf(Role.class)),

    // Core, per tenant
    USERS_MANAGE("users.manage", null, Roles.ADMIN),
    /** The tenant's audit log: who did what, when, to which record (its reading and export are audited too). */
    AUDIT_READ("audit.read", null, Roles.ADMIN),

    // Platform level
    PLATFORM_OVERVIEW("platform.overview", null, Set.of(Role.NETWORK_OFFICE, Role.PLATFORM_OPERATOR)),
    TENANTS_ONBOARD("tenants.onboard", null, Set.of(Role.PLATFORM_OPERATOR)),
    TENANT_KINDS_MANAGE("tenant_kinds.manage", null, Set.of(Role.PLATFORM_OPERATOR)),
    /** The platform's own audit log (platform users' sign-ins, onboarding, tenant kinds, failed sign-ins of no tenant). */
    PLATFORM_AUDIT_READ("platform_audit.read", null, Set.of(Role.PLATFORM_OPERATOR)),

    // Members: people, organisations, their links and memberships
    PEOPLE_READ("people.read", Module.MEMBERS, Roles.READERS),
    PEOPLE_WRITE("people.write", Module.MEMBERS, Roles.WRITERS),
    /** Sensitive people (children, consultation clients): see {@link AccessPolicy#seesSensitive}. */
    PEOPLE_SENSITIVE("people.sensitive", Module.MEMBERS, Roles.ADMIN, Duty.CHILDFUND_CASEWORK, Duty.CONSULTATIONS_CASES),
    /** Branches and membership types. */
    MEMBERS_SETTINGS("members.settings", Module.MEMBERS, Roles.ADMIN),

    // Giving
    GIVING_READ("giving.read", Module.GIVING, Roles.READERS),
    GIVING_WRITE("giving.write", Module.GIVING, Roles.WRITERS),
    /** Gift plans and the giving settings (bank, run day, receipts). */
    GIVING_SETTINGS("giving.settings", Module.GIVING, Roles.ADMIN),
    RECEIPTS_ISSUE("receipts.issue", Module.GIVING, Roles.WRITERS),
    /** A month's billing run: tenant admins, and the scheduler's job actor. */
    BILLING_RUN("billing.run", Module.GIVING, Roles.ADMIN),
    /** Narrow: a donor's signed link, on its one gift (view, units, pause, resume, cancel). */
    DONOR_GIFT_MANAGE("donor_gift.manage", Module.GIVING, Set.of()),
    /** Narrow: the public sign-up form (its published plans, and creating a donor and a gift). */
    PUBLIC_SIGNUP_CREATE("public_signup.create", Module.GIVING, Set.of()),

    // Partners
    /** Narrow: a partner's signed link, on its one partner record (no partner links exist yet). */
    PARTNER_LINK_RESPOND("partner_link.respond", Module.PARTNERS, Set.of());

    private final String code;
    private final Module module;
    private final Set<Role> roles;
    private final List<Duty> duties;

    Capability(String code, Module module, Set<Role> roles, Duty... duties) {
        this.code = code;
        this.module = module;
        this.roles = roles.isEmpty() ? Set.of() : Set.copyOf(roles);
        this.duties = List.of(duties);
    }

    public String code() {
        return code;
    }

    /** The module a tenant must have enabled; empty for the core. */
    public Optional<Module> module() {
        return Optional.ofNullable(module);
    }

    public Set<Role> roles() {
        return roles;
    }

    public List<Duty> duties() {
        return duties;
    }

    /** Needs an actor of a tenant: a module's capability, or one only tenant roles hold. */
    public boolean tenantScoped() {
        return module != null || !roles.isEmpty() && roles.stream().noneMatch(Role::platformLevel);
    }

    /** Held by narrow actors only: no role and no duty gives it. */
    public boolean narrowOnly() {
        return this != PUBLIC && roles.isEmpty() && duties.isEmpty();
    }

    public static Optional<Capability> fromCode(String code) {
        return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }

    private static final class Roles {
        static final Set<Role> ADMIN = Set.of(Role.TENANT_ADMIN);
        static final Set<Role> WRITERS = Set.of(Role.TENANT_ADMIN, Role.STAFF);
        static final Set<Role> READERS = Set.of(Role.TENANT_ADMIN, Role.STAFF, Role.READ_ONLY);
    }
}
