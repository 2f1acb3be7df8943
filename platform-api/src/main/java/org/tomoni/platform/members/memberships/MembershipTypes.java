package org.tomoni.platform.members.memberships;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.Optional;
import java.util.UUID;

/** A tenant's fee schedule as data: name, fee in yen, per month / year / once, per unit (口) or flat. */
@Singleton
public class MembershipTypes {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;

    MembershipTypes(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    private record Data(String name, long feeYen, FeePeriod period, boolean perUnit, MemberKind memberKind, String description) {
        MembershipTypeRepository.Values values() {
            return new MembershipTypeRepository.Values(name, feeYen, period.code(), perUnit, memberKind.code(), description);
        }
    }

    public Outcome<MembershipTypeView> create(Actor actor, MembershipTypeRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<MembershipTypeView>flatMap(allowed -> tx.write(actor, scope -> {
            Fields f = new Fields();
            Data d = read(f, request);
            nameFree(scope, d.name(), null, f);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            MembershipTypeRepository.insert(scope, id, d.values());
            audit.record(scope, "membership_type.create", "membership_type", id, Result.SUCCESS);
            return Outcome.ok(MembershipTypeRepository.find(scope, id).orElseThrow());
        }));
    }

    public Outcome<MembershipTypeView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<MembershipTypeView>flatMap(allowed -> tx.read(actor, scope ->
            MembershipTypeRepository.find(scope, id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    /** Changes the schedule entry; existing memberships owe the new fee from now on. */
    public Outcome<MembershipTypeView> update(Actor actor, UUID id, long version, MembershipTypeRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<MembershipTypeView>flatMap(allowed -> tx.write(actor, scope -> {
            Optional<MembershipTypeView> current = MembershipTypeRepository.find(scope, id);
            if (current.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            Data d = read(f, request);
            nameFree(scope, d.name(), id, f);
            if (d.memberKind() != null && !d.memberKind().code().equals(current.get().memberKind()) && current.get().activeMemberships() > 0) {
                f.error("memberKind", "in_use");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            if (MembershipTypeRepository.update(scope, id, version, d.values()) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, "membership_type.update", "membership_type", id, Result.SUCCESS);
            return Outcome.ok(MembershipTypeRepository.find(scope, id).orElseThrow());
        }));
    }

    /** Archives: no new memberships of this type; existing ones keep it. */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            if (MembershipTypeRepository.archive(scope, id) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(scope, "membership_type.archive", "membership_type", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<MembershipTypeView>> list(Actor actor, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<MembershipTypeView>>flatMap(allowed -> tx.read(actor, scope ->
            Outcome.ok(Page.of(MembershipTypeRepository.page(scope, page), MembershipTypeRepository.count(scope), page))));
    }

    private static void nameFree(TenantScope scope, String name, UUID self, Fields f) {
        if (name != null && MembershipTypeRepository.nameTaken(scope, name, self)) {
            f.error("name", "taken");
        }
    }

    private static Data read(Fields f, MembershipTypeRequest r) {
        String name = f.required("name", r.name(), 100);
        Long fee = r.feeYen();
        if (fee == null) {
            f.error("feeYen", "required");
        } else if (fee < 0 || fee > 100_000_000L) {
            f.error("feeYen", "number");
        }
        FeePeriod period = f.choice("period", r.period(), FeePeriod.class, true);
        MemberKind kind = f.choice("memberKind", r.memberKind(), MemberKind.class, true);
        String description = f.text("description", r.description(), 2000);
        return new Data(name, fee == null ? 0 : fee, period, r.perUnit() != null && r.perUnit(), kind, description);
    }
}
