package org.tomoni.platform.members.branches;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.List;
import java.util.UUID;


/** A tenant's branches (支部); tenant admins maintain them, everyone reads them. */
@Singleton
public class Branches {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    Branches(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    public Outcome<BranchView> create(Actor actor, BranchRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<BranchView>flatMap(allowed -> tx.write(actor, scope -> {
            Fields f = new Fields();
            var values = values(scope, request, null, f);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            BranchRepository.insert(scope, id, values);
            audit.record(scope, "branch.create", "branch", id, Result.SUCCESS);
            return Outcome.ok(BranchRepository.find(scope, id).orElseThrow());
        }));
    }

    public Outcome<BranchView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<BranchView>flatMap(allowed -> tx.read(actor, scope ->
            BranchRepository.find(scope, id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<BranchView> update(Actor actor, UUID id, long version, BranchRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<BranchView>flatMap(allowed -> tx.write(actor, scope -> {
            if (BranchRepository.find(scope, id).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            var values = values(scope, request, id, f);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            if (BranchRepository.update(scope, id, version, values) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, "branch.update", "branch", id, Result.SUCCESS);
            return Outcome.ok(BranchRepository.find(scope, id).orElseThrow());
        }));
    }

    /** Archives the branch; its people and organisations keep it as a past assignment. */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            if (BranchRepository.archive(scope, id) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(scope, "branch.archive", "branch", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<BranchView>> list(Actor actor, String q, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<BranchView>>flatMap(allowed -> tx.read(actor, scope ->
            Outcome.ok(Page.of(BranchRepository.page(scope, q, page), BranchRepository.count(scope, q), page))));
    }

    /** Every active branch, for selects. */
    public List<BranchView> all(Actor actor) {
        return list(actor, null, PageRequest.of(0, PageRequest.MAX_SIZE)) instanceof Outcome.Ok<Page<BranchView>> ok
            ? ok.value().items() : List.of();
    }

    private static BranchRepository.Values values(TenantScope scope, BranchRequest request, UUID self, Fields f) {
        String name = f.required("name", request.name(), 100);
        String kana = f.kana("nameKana", request.nameKana(), false);
        String notes = f.text("notes", request.notes(), 2000);
        if (name != null && BranchRepository.nameTaken(scope, name, self)) {
            f.errors().add(FieldError.of("name", "taken"));
        }
        return new BranchRepository.Values(name, kana, notes);
    }
}
