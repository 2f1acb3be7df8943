package org.tomoni.platform.members.links;

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

import static org.tomoni.platform.members.links.LinksTable.ENDS_ON;
import static org.tomoni.platform.members.links.LinksTable.KIND;
import static org.tomoni.platform.members.links.LinksTable.NOTES;
import static org.tomoni.platform.members.links.LinksTable.PERSON_ID;
import static org.tomoni.platform.members.links.LinksTable.RELATED_PERSON_ID;
import static org.tomoni.platform.members.links.LinksTable.RELATIONSHIPS;
import static org.tomoni.platform.members.links.LinksTable.STARTS_ON;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/** Relationships between people (parent and child, guardian, spouse), with dates. */
@Singleton
public class Relationships {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    Relationships(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    private record Data(UUID personId, UUID relatedPersonId, RelationshipKind kind, LocalDate startsOn, LocalDate endsOn, String notes) {
    }

    public Outcome<RelationshipView> create(Actor actor, RelationshipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<RelationshipView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            Data d = read(dsl, actor, f, request);
            if (f.ok() && dsl.fetchExists(RELATIONSHIPS, TENANT_ID.eq(actor.tenantId()), PERSON_ID.eq(d.personId()),
                RELATED_PERSON_ID.eq(d.relatedPersonId()), KIND.eq(d.kind().code()))) {
                f.error("kind", "taken");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            var now = Columns.now(clock);
            dsl.insertInto(RELATIONSHIPS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(PERSON_ID, d.personId())
                .set(RELATED_PERSON_ID, d.relatedPersonId()).set(KIND, d.kind().code()).set(STARTS_ON, d.startsOn()).set(ENDS_ON, d.endsOn())
                .set(NOTES, d.notes()).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
                .set(UPDATED_BY, actor.auditName()).execute();
            audit.record(dsl, actor, "relationship.create", "relationship", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow());
        }));
    }

    public Outcome<RelationshipView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<RelationshipView>flatMap(allowed -> tx.read(actor.tenantId(), dsl ->
            find(dsl, actor, id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<RelationshipView> update(Actor actor, UUID id, long version, RelationshipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<RelationshipView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (find(dsl, actor, id).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            Data d = read(dsl, actor, f, request);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            int n = dsl.update(RELATIONSHIPS).set(PERSON_ID, d.personId()).set(RELATED_PERSON_ID, d.relatedPersonId())
                .set(KIND, d.kind().code()).set(STARTS_ON, d.startsOn()).set(ENDS_ON, d.endsOn()).set(NOTES, d.notes())
                .set(UPDATED_AT, Columns.now(clock)).set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), VERSION.eq(version)).execute();
            if (n == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "relationship.update", "relationship", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow());
        }));
    }

    /** Removes a relationship entered by mistake; one that ended gets its end date instead (PUT). */
    public Outcome<Void> delete(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (find(dsl, actor, id).isEmpty()) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            dsl.deleteFrom(RELATIONSHIPS).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id)).execute();
            audit.record(dsl, actor, "relationship.delete", "relationship", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<RelationshipView>> list(Actor actor, UUID personId, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<RelationshipView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            var where = personId == null ? DSL.noCondition() : LinksTable.relationshipOf(personId);
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(LinksTable.relationships(dsl, actor.tenantId(), where, sensitive, page),
                LinksTable.countRelationships(dsl, actor.tenantId(), where, sensitive), page));
        }));
    }

    private Optional<RelationshipView> find(DSLContext dsl, Actor actor, UUID id) {
        return LinksTable.relationships(dsl, actor.tenantId(), LinksTable.relationshipId(id), policy.seesSensitive(actor),
            PageRequest.of(0, 1)).stream().findFirst();
    }

    private Data read(DSLContext dsl, Actor actor, Fields f, RelationshipRequest r) {
        UUID person = f.id("personId", r.personId(), true);
        UUID related = f.id("relatedPersonId", r.relatedPersonId(), true);
        RelationshipKind kind = f.choice("kind", r.kind(), RelationshipKind.class, true);
        LocalDate starts = f.date("startsOn", r.startsOn(), null);
        LocalDate ends = f.date("endsOn", r.endsOn(), null);
        f.dateOrder("startsOn", starts, "endsOn", ends);
        String notes = f.text("notes", r.notes(), 2000);
        boolean sensitive = policy.seesSensitive(actor);
        if (person != null && !PartyChecks.personExists(dsl, actor.tenantId(), person, sensitive)) {
            f.error("personId", "not_found");
        }
        if (related != null && !PartyChecks.personExists(dsl, actor.tenantId(), related, sensitive)) {
            f.error("relatedPersonId", "not_found");
        }
        if (person != null && person.equals(related)) {
            f.error("relatedPersonId", "same_person");
        }
        return new Data(person, related, kind, starts, ends, notes);
    }
}
