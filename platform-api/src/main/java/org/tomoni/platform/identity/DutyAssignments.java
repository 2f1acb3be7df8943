package org.tomoni.platform.identity;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Duty;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantSettings;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A tenant admin grants duties to the tenant's users: read them, or replace them all at once.
 * A duty must be one of {@link Duty} and belong to a module the tenant has enabled; each change
 * is audited, and counts at once on this node (within seconds on the others, see {@link UserDuties}).
 */
@Singleton
public class DutyAssignments {
    private final TenantTransactions tx;
    private final AccessPolicy policy;
    private final TenantRegistry tenants;
    private final UserDuties duties;
    private final AuditTrail audit;

    DutyAssignments(TenantTransactions tx, AccessPolicy policy, TenantRegistry tenants, UserDuties duties, AuditTrail audit) {
        this.tx = tx;
        this.policy = policy;
        this.tenants = tenants;
        this.duties = duties;
        this.audit = audit;
    }

    /** {@code {"duties": ["childfund.casework", …]}}: a user's duties, as read and as replaced (codes in {@link Duty}'s order). */
    @Serdeable
    public record Duties(List<String> duties) {
    }

    /** The duties a tenant admin can grant here: those of the modules the tenant has enabled, in {@link Duty}'s order. */
    public List<Duty> grantable(Actor actor) {
        if (!policy.allows(actor, Capability.USERS_MANAGE)) {
            return List.of();
        }
        TenantSettings settings = tenants.findById(actor.tenantId()).orElseThrow().settings();
        return java.util.Arrays.stream(Duty.values()).filter(d -> settings.enables(d.module())).toList();
    }

    public Outcome<Duties> get(Actor actor, UUID userId) {
        if (policy.check(actor, Capability.USERS_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor, scope -> UserRepository.find(scope, userId)
            .map(u -> Outcome.ok(stored(scope, userId)))
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** Replaces the user's duties by the given ones (an empty list takes every duty away). */
    public Outcome<Duties> set(Actor actor, UUID userId, Duties request) {
        if (policy.check(actor, Capability.USERS_MANAGE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        TenantSettings settings = tenants.findById(actor.tenantId()).orElseThrow().settings();
        return tx.write(actor, scope -> {
            // Another tenant's user, or none: not found, whatever the body says.
            if (UserRepository.find(scope, userId).isEmpty()) {
                return Outcome.<Duties>rejected(ErrorCode.NOT_FOUND);
            }
            if (request == null || request.duties() == null) {
                return Outcome.<Duties>invalid(List.of(FieldError.of("duties", "required")));
            }
            Set<Duty> wanted = EnumSet.noneOf(Duty.class);
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < request.duties().size(); i++) {
                String code = request.duties().get(i);
                var duty = Duty.fromCode(code);
                String field = "duties[" + i + "]";
                if (duty.isEmpty()) {
                    errors.add(new FieldError(field, "unknown_duty", "「" + code + "」という職務はありません（unknown duty " + code + "）。"));
                } else if (!settings.enables(duty.get().module())) {
                    errors.add(new FieldError(field, "module_not_enabled", "職務「" + code + "」のモジュール「" + duty.get().module().code()
                        + "」はこの組織で有効になっていません（module not enabled）。"));
                } else {
                    wanted.add(duty.get());
                }
            }
            if (!errors.isEmpty()) {
                return Outcome.<Duties>invalid(errors);
            }
            UserDutyRepository.replace(scope, userId, wanted);
            audit.record(scope, "user.set_duties", "user", userId, Result.SUCCESS);
            tx.afterCommit(() -> duties.forget(actor.tenantId(), userId));
            return Outcome.ok(stored(scope, userId));
        });
    }

    private static Duties stored(TenantScope scope, UUID userId) {
        Set<Duty> held = UserDuties.toDuties(UserDutyRepository.codesOf(scope, userId));
        return new Duties(held.stream().map(Duty::code).toList());
    }
}
