package org.tomoni.platform.members.organizations;

import org.tomoni.platform.members.people.MemberNumbers;
import org.tomoni.platform.members.people.PartyChecks;
import org.tomoni.platform.members.people.PartyDetails;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.util.UUID;

/** Organisations a tenant knows: union federations, member hubs, partner companies, grantee groups. */
@Singleton
public class Organizations {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final PartyDetails details;

    Organizations(TenantTransactions tx, AuditTrail audit, Clock clock, PartyDetails details, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.details = details;
    }

    public Outcome<OrganizationView> create(Actor actor, OrganizationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<OrganizationView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            OrganizationsTable.Data data = read(f, request);
            PartyChecks.branch(dsl, actor.tenantId(), data.branchId(), f);
            PartyChecks.memberNumber(dsl, actor.tenantId(), data.memberNumber(), null, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            UUID id = Ids.newId();
            OrganizationsTable.insert(dsl, actor.tenantId(), id, data, Columns.now(clock), actor.auditName());
            audit.record(dsl, actor, "organization.create", "organization", id, Result.SUCCESS);
            return Outcome.ok(OrganizationsTable.find(dsl, actor.tenantId(), id).orElseThrow());
        })));
    }

    public Outcome<OrganizationView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<OrganizationView>flatMap(allowed -> tx.read(actor.tenantId(), dsl ->
            OrganizationsTable.find(dsl, actor.tenantId(), id)
                .map(o -> Outcome.ok(o.withDetail(details.affiliationsOfOrganization(dsl, actor, id),
                    details.membershipsOf(dsl, actor, null, id))))
                .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<OrganizationView> update(Actor actor, UUID id, long version, OrganizationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<OrganizationView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor.tenantId(), dsl -> {
            if (OrganizationsTable.find(dsl, actor.tenantId(), id).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            OrganizationsTable.Data data = read(f, request);
            PartyChecks.branch(dsl, actor.tenantId(), data.branchId(), f);
            PartyChecks.memberNumber(dsl, actor.tenantId(), data.memberNumber(), id, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            if (OrganizationsTable.update(dsl, actor.tenantId(), id, version, data, Columns.now(clock), actor.auditName()) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "organization.update", "organization", id, Result.SUCCESS);
            return Outcome.ok(OrganizationsTable.find(dsl, actor.tenantId(), id).orElseThrow());
        })));
    }

    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (OrganizationsTable.archive(dsl, actor.tenantId(), id, Columns.now(clock), actor.auditName()) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(dsl, actor, "organization.archive", "organization", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<OrganizationView>> search(Actor actor, String q, UUID branchId, String kind, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<OrganizationView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            var c = OrganizationsTable.listCondition(actor.tenantId(), q, branchId, kind);
            return Outcome.ok(Page.of(OrganizationsTable.page(dsl, c, page), dsl.fetchCount(OrganizationsTable.ORGANIZATIONS, c), page));
        }));
    }

    static OrganizationsTable.Data read(Fields f, OrganizationRequest r) {
        return new OrganizationsTable.Data(
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
