package org.tomoni.platform.members.links;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.members.people.People;
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

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Relationships between people (parent and child, guardian, spouse), with dates. */
@Singleton
public class Relationships {
    private static final PageRequest ALL = new PageRequest(0, 1000);
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;

    Relationships(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    /** A person's relationships (either side), for their single read. */
    public static List<RelationshipView> ofPerson(TenantScope scope, UUID personId, boolean includeSensitive) {
        return LinkRepository.relationships(scope, new LinkRepository.RelationshipFilter(null, personId), includeSensitive, ALL);
    }

    /** Moves a merged duplicate's relationships and affiliations to the survivor (see LinkRepository.movePerson). */
    public static void movePerson(TenantScope scope, UUID from, UUID to) {
        LinkRepository.movePerson(scope, from, to);
    }

    public Outcome<RelationshipView> create(Actor actor, RelationshipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<RelationshipView>flatMap(allowed -> tx.write(actor, scope -> {
            Fields f = new Fields();
            var v = read(scope, f, request);
            if (f.ok() && LinkRepository.relationshipExists(scope, v.personId(), v.relatedPersonId(), v.kind())) {
                f.error("kind", "taken");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            LinkRepository.insertRelationship(scope, id, v);
            audit.record(scope, "relationship.create", "relationship", id, Result.SUCCESS);
            return Outcome.ok(LinkRepository.relationship(scope, id, policy.seesSensitive(actor)).orElseThrow());
        }));
    }

    public Outcome<RelationshipView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<RelationshipView>flatMap(allowed -> tx.read(actor, scope ->
            LinkRepository.relationship(scope, id, policy.seesSensitive(actor)).map(Outcome::ok)
                .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<RelationshipView> update(Actor actor, UUID id, long version, RelationshipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<RelationshipView>flatMap(allowed -> tx.write(actor, scope -> {
            if (LinkRepository.relationship(scope, id, policy.seesSensitive(actor)).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            var v = read(scope, f, request);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            if (LinkRepository.updateRelationship(scope, id, version, v) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, "relationship.update", "relationship", id, Result.SUCCESS);
            return Outcome.ok(LinkRepository.relationship(scope, id, policy.seesSensitive(actor)).orElseThrow());
        }));
    }

    /** Removes a relationship entered by mistake; one that ended gets its end date instead (PUT). */
    public Outcome<Void> delete(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            if (LinkRepository.relationship(scope, id, policy.seesSensitive(actor)).isEmpty()) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            LinkRepository.deleteRelationship(scope, id);
            audit.record(scope, "relationship.delete", "relationship", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<RelationshipView>> list(Actor actor, UUID personId, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<RelationshipView>>flatMap(allowed -> tx.read(actor, scope -> {
            var filter = new LinkRepository.RelationshipFilter(null, personId);
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(LinkRepository.relationships(scope, filter, sensitive, page),
                LinkRepository.countRelationships(scope, filter, sensitive), page));
        }));
    }

    private LinkRepository.RelationshipValues read(TenantScope scope, Fields f, RelationshipRequest r) {
        UUID person = f.id("personId", r.personId(), true);
        UUID related = f.id("relatedPersonId", r.relatedPersonId(), true);
        RelationshipKind kind = f.choice("kind", r.kind(), RelationshipKind.class, true);
        LocalDate starts = f.date("startsOn", r.startsOn(), null);
        LocalDate ends = f.date("endsOn", r.endsOn(), null);
        f.dateOrder("startsOn", starts, "endsOn", ends);
        String notes = f.text("notes", r.notes(), 2000);
        boolean sensitive = policy.seesSensitive(scope.actor());
        if (person != null && !People.exists(scope, person, sensitive)) {
            f.error("personId", "not_found");
        }
        if (related != null && !People.exists(scope, related, sensitive)) {
            f.error("relatedPersonId", "not_found");
        }
        if (person != null && person.equals(related)) {
            f.error("relatedPersonId", "same_person");
        }
        return new LinkRepository.RelationshipValues(person, related, kind == null ? null : kind.code(), starts, ends, notes);
    }
}
