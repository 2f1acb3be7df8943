package org.tomoni.platform.members.links;

import org.tomoni.platform.members.organizations.OrganizationsTable;
import org.tomoni.platform.members.people.PartyChecks;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.members.links.LinksTable.AFFILIATIONS;
import static org.tomoni.platform.members.links.LinksTable.ENDS_ON;
import static org.tomoni.platform.members.links.LinksTable.NOTES;
import static org.tomoni.platform.members.links.LinksTable.ORGANIZATION_ID;
import static org.tomoni.platform.members.links.LinksTable.PERSON_ID;
import static org.tomoni.platform.members.links.LinksTable.ROLE;
import static org.tomoni.platform.members.links.LinksTable.STARTS_ON;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/** Affiliations of people to organisations, with a role and dates. */
@Singleton
public class Affiliations {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    Affiliations(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    private record Data(UUID personId, UUID organizationId, String role, LocalDate startsOn, LocalDate endsOn, String notes) {
    }

    public Outcome<AffiliationView> create(Actor actor, AffiliationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<AffiliationView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            Data d = read(dsl, actor, f, request);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            var now = Columns.now(clock);
            dsl.insertInto(AFFILIATIONS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(PERSON_ID, d.personId())
                .set(ORGANIZATION_ID, d.organizationId()).set(ROLE, d.role()).set(STARTS_ON, d.startsOn()).set(ENDS_ON, d.endsOn())
                .set(NOTES, d.notes()).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
                .set(UPDATED_BY, actor.auditName()).execute();
            audit.record(dsl, actor, "affiliation.create", "affiliation", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow());
        }));
    }

    public Outcome<AffiliationView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<AffiliationView>flatMap(allowed -> tx.read(actor.tenantId(), dsl ->
            find(dsl, actor, id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<AffiliationView> update(Actor actor, UUID id, long version, AffiliationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<AffiliationView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (find(dsl, actor, id).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            Data d = read(dsl, actor, f, request);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            int n = dsl.update(AFFILIATIONS).set(PERSON_ID, d.personId()).set(ORGANIZATION_ID, d.organizationId()).set(ROLE, d.role())
                .set(STARTS_ON, d.startsOn()).set(ENDS_ON, d.endsOn()).set(NOTES, d.notes())
                .set(UPDATED_AT, Columns.now(clock)).set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), VERSION.eq(version)).execute();
            if (n == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "affiliation.update", "affiliation", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow());
        }));
    }

    public Outcome<Void> delete(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (find(dsl, actor, id).isEmpty()) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            dsl.deleteFrom(AFFILIATIONS).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id)).execute();
            audit.record(dsl, actor, "affiliation.delete", "affiliation", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<AffiliationView>> list(Actor actor, UUID personId, UUID organizationId, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<AffiliationView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            var where = DSL.noCondition();
            if (personId != null) {
                where = where.and(LinksTable.affiliationOfPerson(personId));
            }
            if (organizationId != null) {
                where = where.and(LinksTable.affiliationOfOrganization(organizationId));
            }
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(LinksTable.affiliations(dsl, actor.tenantId(), where, sensitive, page),
                LinksTable.countAffiliations(dsl, actor.tenantId(), where, sensitive), page));
        }));
    }

    private Optional<AffiliationView> find(DSLContext dsl, Actor actor, UUID id) {
        return LinksTable.affiliations(dsl, actor.tenantId(), LinksTable.affiliationId(id), policy.seesSensitive(actor),
            PageRequest.of(0, 1)).stream().findFirst();
    }

    private Data read(DSLContext dsl, Actor actor, Fields f, AffiliationRequest r) {
        UUID person = f.id("personId", r.personId(), true);
        UUID organization = f.id("organizationId", r.organizationId(), true);
        String role = f.optional("role", r.role(), 100);
        LocalDate starts = f.date("startsOn", r.startsOn(), null);
        LocalDate ends = f.date("endsOn", r.endsOn(), null);
        f.dateOrder("startsOn", starts, "endsOn", ends);
        String notes = f.text("notes", r.notes(), 2000);
        if (person != null && !PartyChecks.personExists(dsl, actor.tenantId(), person, policy.seesSensitive(actor))) {
            f.error("personId", "not_found");
        }
        if (organization != null && !dsl.fetchExists(DSL.selectOne().where(OrganizationsTable.exists(actor.tenantId(), organization)))) {
            f.error("organizationId", "not_found");
        }
        return new Data(person, organization, role, starts, ends, notes);
    }
}
