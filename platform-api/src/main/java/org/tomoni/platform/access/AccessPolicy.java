package org.tomoni.platform.access;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantSettings;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The one judge of what an actor may do, for facades, the API's routes, the UI's guard and its
 * menu alike. An actor holds a {@link Capability} when
 * <ol>
 *   <li>its tenant has the capability's module enabled (otherwise the answer is "not found",
 *       exactly as for a disabled module's routes), and</li>
 *   <li>one of its roles holds it, or it holds one of the capability's duties (whose module must
 *       be enabled too), or it is a narrow actor made with that capability (on its one record,
 *       where it has one).</li>
 * </ol>
 * Anything else is {@link ErrorCode#FORBIDDEN}.
 *
 * <p>Sensitive people (children, consultation clients) are seen by tenant admins and by users
 * holding the duty of the module that owns them ({@code childfund.casework},
 * {@code consultations.cases}); every read of one is audited by the reading facade, and everyone
 * else never meets them: {@link #seesSensitive}.
 */
@Singleton
public class AccessPolicy {
    private final TenantRegistry tenants;
    private final DutyLookup duties;

    AccessPolicy(TenantRegistry tenants, DutyLookup duties) {
        this.tenants = tenants;
        this.duties = duties;
    }

    /** Ok (with no value) when the actor holds the capability; otherwise the rejection to answer with. */
    public Outcome<Void> check(Actor actor, Capability capability) {
        return judge(actor, capability, null, new Tenancy(actor));
    }

    /** Like {@link #check}, the first capability's rejection when the actor holds none of them. */
    public Outcome<Void> checkAny(Actor actor, Capability first, Capability... more) {
        return checkOn(actor, null, first, more);
    }

    /**
     * For work on one record: users by their capabilities as in {@link #check}; a narrow actor
     * made for one record (a donor link's gift) only on that record.
     */
    public Outcome<Void> checkOn(Actor actor, UUID record, Capability first, Capability... more) {
        Tenancy tenancy = new Tenancy(actor);
        Outcome<Void> outcome = judge(actor, first, record, tenancy);
        for (int i = 0; i < more.length && !outcome.isOk(); i++) {
            if (judge(actor, more[i], record, tenancy).isOk()) {
                return Outcome.ok(null);
            }
        }
        return outcome;
    }

    /** For menus and buttons: whether {@link #check} would allow. */
    public boolean allows(Actor actor, Capability capability) {
        return actor != null && check(actor, capability).isOk();
    }

    /** Every capability the actor holds now (one tenant look-up): for a menu of many items. */
    public Set<Capability> capabilitiesOf(Actor actor) {
        Set<Capability> held = EnumSet.noneOf(Capability.class);
        Tenancy tenancy = new Tenancy(actor);
        for (Capability c : Capability.values()) {
            if (judge(actor, c, null, tenancy).isOk()) {
                held.add(c);
            }
        }
        return held;
    }

    /**
     * Whether sensitive people are in the actor's lists, look-ups, exports and CSV: tenant admins,
     * and users holding a casework duty of a module the tenant has enabled. Simplification, until
     * the children's fund and consultation modules record which module owns a sensitive person:
     * a sensitive person belongs to every casework module the tenant has (a tenant has one of them).
     */
    public boolean seesSensitive(Actor actor) {
        return allows(actor, Capability.PEOPLE_SENSITIVE);
    }

    /** The role to show a signed-in user (the staff frame's header); empty for a narrow actor. A user has one. */
    public Optional<Role> roleOf(Actor actor) {
        return actor.roles().stream().findFirst();
    }

    private Outcome<Void> judge(Actor actor, Capability capability, UUID record, Tenancy tenancy) {
        if (capability == Capability.PUBLIC) {
            return Outcome.ok(null);
        }
        if (capability.tenantScoped() && !actor.isTenantUser()) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        if (capability.module().isPresent() && !tenancy.enables(capability.module().get())) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        if (actor.narrow() != null) {
            Actor.Narrow narrow = actor.narrow();
            boolean granted = narrow.capabilities().contains(capability.code())
                && (narrow.record() == null || narrow.record().equals(record));
            return granted ? Outcome.ok(null) : Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        for (Role role : actor.roles()) {
            if (capability.roles().contains(role)) {
                return Outcome.ok(null);
            }
        }
        if (!capability.duties().isEmpty() && actor.userId() != null && actor.isTenantUser()) {
            Set<Duty> held = duties.dutiesOf(actor.tenantId(), actor.userId());
            for (Duty d : capability.duties()) {
                if (held.contains(d) && tenancy.enables(d.module())) {
                    return Outcome.ok(null);
                }
            }
        }
        return Outcome.rejected(ErrorCode.FORBIDDEN);
    }

    /** The actor's tenant settings, read at most once per decision (the registry is the source of truth). */
    private final class Tenancy {
        private final Actor actor;
        private Optional<TenantSettings> settings;

        Tenancy(Actor actor) {
            this.actor = actor;
        }

        boolean enables(Module module) {
            if (settings == null) {
                settings = actor.tenantId() == null ? Optional.empty() : tenants.findById(actor.tenantId()).map(t -> t.settings());
            }
            return settings.map(s -> s.enables(module)).orElse(false);
        }
    }
}
