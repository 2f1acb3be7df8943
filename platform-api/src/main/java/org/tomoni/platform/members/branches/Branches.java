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

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


/** A tenant's branches (支部); tenant admins maintain them, everyone reads them. */
@Singleton
public class Branches {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final List<BranchMembers> members;

    Branches(TenantTransactions tx, AuditTrail audit, AccessPolicy policy, List<BranchMembers> members) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.members = members;
    }

    /** Is {@code id} an active branch of the scope's tenant? For the packages whose rows name a branch. */
    public static boolean isActive(TenantScope scope, UUID id) {
        return BranchRepository.isActive(scope, id);
    }

    /** The active branches' names by id, e.g. for CSV columns. */
    public static Map<UUID, String> names(TenantScope scope) {
        return BranchRepository.names(scope);
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
            return Outcome.ok(counted(scope, BranchRepository.find(scope, id).orElseThrow()));
        }));
    }

    public Outcome<BranchView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<BranchView>flatMap(allowed -> tx.read(actor, scope ->
            BranchRepository.find(scope, id).map(b -> Outcome.ok(counted(scope, b))).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
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
            return Outcome.ok(counted(scope, BranchRepository.find(scope, id).orElseThrow()));
        }));
    }

    /**
     * Archives (deletes from lists) a branch nobody is in any more: while active people or
     * organisations are assigned to it the answer is {@link ErrorCode#IN_USE} (they would keep a
     * branch no form could show or save), so staff move them first.
     */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            var found = BranchRepository.find(scope, id);
            if (found.isEmpty()) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            BranchView branch = counted(scope, found.get());
            if (branch.peopleCount() + branch.organizationCount() > 0) {
                return Outcome.<Void>rejected(ErrorCode.IN_USE);
            }
            if (BranchRepository.archive(scope, id) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(scope, "branch.archive", "branch", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<BranchView>> list(Actor actor, String q, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<BranchView>>flatMap(allowed -> tx.read(actor, scope ->
            Outcome.ok(Page.of(counted(scope, BranchRepository.page(scope, q, page)), BranchRepository.count(scope, q), page))));
    }

    /** Every active branch, for selects. */
    public List<BranchView> all(Actor actor) {
        return list(actor, null, PageRequest.of(0, PageRequest.MAX_SIZE)) instanceof Outcome.Ok<Page<BranchView>> ok
            ? ok.value().items() : List.of();
    }

    private BranchView counted(TenantScope scope, BranchView branch) {
        return counted(scope, List.of(branch)).get(0);
    }

    /** The branches with their active people and organisations, one grouped count per kind for the whole page. */
    private List<BranchView> counted(TenantScope scope, List<BranchView> branches) {
        if (branches.isEmpty()) {
            return branches;
        }
        List<UUID> ids = branches.stream().map(BranchView::id).toList();
        Map<BranchMembers.Kind, Map<UUID, Long>> counts = new EnumMap<>(BranchMembers.Kind.class);
        for (BranchMembers m : members) {
            counts.put(m.kind(), m.countByBranch(scope, ids));
        }
        return branches.stream().map(b -> b.withCounts(
            counts.getOrDefault(BranchMembers.Kind.PEOPLE, Map.of()).getOrDefault(b.id(), 0L),
            counts.getOrDefault(BranchMembers.Kind.ORGANIZATIONS, Map.of()).getOrDefault(b.id(), 0L))).toList();
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
