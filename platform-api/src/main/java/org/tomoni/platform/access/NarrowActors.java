package org.tomoni.platform.access;

import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.tenancy.Tenant;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Actors without an account, each made for one purpose and holding only its capabilities, never
 * a role. Their principal is the name their changes are recorded under (created_by, the gift's
 * history, the audit log), as {@code name@tenant-slug}.
 */
public final class NarrowActors {
    /** The kinds of narrow actor; each new one is declared here. */
    public enum Kind { DONOR_LINK, PUBLIC_FORM, PARTNER_LINK, JOB }

    private NarrowActors() {
    }

    /** A donor's signed link: manages its one gift. */
    public static Actor donor(Tenant tenant, UUID giftId) {
        return make(Kind.DONOR_LINK, "donor", tenant, Objects.requireNonNull(giftId), Capability.DONOR_GIFT_MANAGE);
    }

    /** The public sign-up form of a tenant: creates a donor and a gift, nothing else. */
    public static Actor publicSignup(Tenant tenant) {
        return make(Kind.PUBLIC_FORM, "public-signup", tenant, null, Capability.PUBLIC_SIGNUP_CREATE);
    }

    /** A partner's signed link, on its one partner record (declared for the partners module; no link exists yet). */
    public static Actor partner(Tenant tenant, UUID partnerId) {
        return make(Kind.PARTNER_LINK, "partner", tenant, Objects.requireNonNull(partnerId), Capability.PARTNER_LINK_RESPOND);
    }

    /** A background job of one tenant, e.g. the scheduler's billing run. */
    public static Actor job(String name, Tenant tenant, Capability... capabilities) {
        return make(Kind.JOB, name, tenant, null, capabilities);
    }

    /** A platform-level job, of no tenant (e.g. provisioning the demo tenants through onboarding). */
    public static Actor platformJob(String name, Capability... capabilities) {
        return new Actor(null, name, null, null, Set.of(), narrow(Kind.JOB, null, capabilities), null);
    }

    /** A job of a tenant known by id and slug only (e.g. onboarding, inside the transaction that creates the tenant). */
    public static Actor job(String name, UUID tenantId, String tenantSlug, Capability... capabilities) {
        return new Actor(null, name, tenantId, tenantSlug, Set.of(), narrow(Kind.JOB, null, capabilities), null);
    }

    private static Actor make(Kind kind, String name, Tenant tenant, UUID record, Capability... capabilities) {
        return new Actor(null, name, tenant.id(), tenant.slug(), Set.of(), narrow(kind, record, capabilities), null);
    }

    private static Actor.Narrow narrow(Kind kind, UUID record, Capability... capabilities) {
        return new Actor.Narrow(kind.name().toLowerCase(), Arrays.stream(capabilities).map(Capability::code).collect(Collectors.toSet()), record);
    }
}
