package org.tomoni.platform.members.organizations;

import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.members.links.Affiliations;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.people.MemberNumbers;
import org.tomoni.platform.persistence.TenantScope;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.UUID;

/** Organisations a tenant knows: union federations, member hubs, partner companies, grantee groups. */
@Singleton
public class Organizations {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;

    Organizations(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    /** Is {@code id} an active organisation of the scope's tenant? For links and memberships. */
    public static boolean exists(TenantScope scope, UUID id) {
        return OrganizationRepository.exists(scope, id);
    }

    /** Gives an organisation without a member number the next one (a membership makes it a member). */
    public static void assignMemberNumber(TenantScope scope, UUID id) {
        if (OrganizationRepository.hasNoMemberNumber(scope, id)) {
            MemberNumbers.assign(scope, number -> OrganizationRepository.setMemberNumber(scope, id, number));
        }
    }


    public Outcome<OrganizationView> create(Actor actor, OrganizationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<OrganizationView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor, scope -> {
            Fields f = new Fields();
            OrganizationRepository.Data data = read(f, request);
            checkBranch(scope, data.branchId(), f);
            MemberNumbers.check(scope, data.memberNumber(), null, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            UUID id = Ids.newId();
            OrganizationRepository.insert(scope, id, data);
            audit.record(scope, "organization.create", "organization", id, Result.SUCCESS);
            return Outcome.ok(OrganizationRepository.find(scope, id).orElseThrow());
        })));
    }

    public Outcome<OrganizationView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<OrganizationView>flatMap(allowed -> tx.read(actor, scope ->
            OrganizationRepository.find(scope, id)
                .map(o -> Outcome.ok(o.withDetail(Affiliations.ofOrganization(scope, id, policy.seesSensitive(actor)),
                    Memberships.ofMember(scope, null, id, policy.seesSensitive(actor)))))
                .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<OrganizationView> update(Actor actor, UUID id, long version, OrganizationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<OrganizationView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor, scope -> {
            if (OrganizationRepository.find(scope, id).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            OrganizationRepository.Data data = read(f, request);
            checkBranch(scope, data.branchId(), f);
            MemberNumbers.check(scope, data.memberNumber(), id, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            if (OrganizationRepository.update(scope, id, version, data) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, "organization.update", "organization", id, Result.SUCCESS);
            return Outcome.ok(OrganizationRepository.find(scope, id).orElseThrow());
        })));
    }

    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            if (OrganizationRepository.archive(scope, id) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(scope, "organization.archive", "organization", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<OrganizationView>> search(Actor actor, String q, UUID branchId, String kind, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<OrganizationView>>flatMap(allowed -> tx.read(actor, scope -> {
            var filter = new OrganizationRepository.Filter(q, branchId, kind);
            return Outcome.ok(Page.of(OrganizationRepository.page(scope, filter, page), OrganizationRepository.count(scope, filter), page));
        }));
    }

    private static void checkBranch(TenantScope scope, UUID branchId, Fields f) {
        if (branchId != null && !Branches.isActive(scope, branchId)) {
            f.error("branchId", "not_found");
        }
    }

    static OrganizationRepository.Data read(Fields f, OrganizationRequest r) {
        return new OrganizationRepository.Data(
            f.required("name", r.name(), 200),
            f.kana("nameKana", r.nameKana(), true),
            f.choice("kind", r.kind(), OrganizationKind.class, true),
            f.email("email", r.email()),
            f.phone("phone", r.phone()),
            f.optional("website", r.website(), 500),
            f.postalCode("postalCode", r.postalCode()),
            f.prefecture("prefecture", r.prefecture()),
            f.optional("city", r.city(), 100),
            f.optional("addressLine1", r.addressLine1(), 200),
            f.optional("addressLine2", r.addressLine2(), 200),
            f.text("notes", r.notes(), 4000),
            f.positiveNumber("memberNumber", r.memberNumber()),
            f.id("branchId", r.branchId(), false));
    }
}
