package org.tomoni.platform.members.links;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.members.organizations.Organizations;
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

/** Affiliations of people to organisations, with a role and dates. */
@Singleton
public class Affiliations {
    private static final PageRequest ALL = new PageRequest(0, 1000);
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;

    Affiliations(TenantTransactions tx, AuditTrail audit, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
    }

    /** A person's affiliations, for their single read. */
    public static List<AffiliationView> ofPerson(TenantScope scope, UUID personId, boolean includeSensitive) {
        return LinkRepository.affiliations(scope, new LinkRepository.AffiliationFilter(null, personId, null), includeSensitive, ALL);
    }

    /** An organisation's affiliated people, for its single read. */
    public static List<AffiliationView> ofOrganization(TenantScope scope, UUID organizationId, boolean includeSensitive) {
        return LinkRepository.affiliations(scope, new LinkRepository.AffiliationFilter(null, null, organizationId), includeSensitive, ALL);
    }

    public Outcome<AffiliationView> create(Actor actor, AffiliationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<AffiliationView>flatMap(allowed -> tx.write(actor, scope -> {
            Fields f = new Fields();
            var v = read(scope, f, request);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            LinkRepository.insertAffiliation(scope, id, v);
            audit.record(scope, "affiliation.create", "affiliation", id, Result.SUCCESS);
            return Outcome.ok(LinkRepository.affiliation(scope, id, policy.seesSensitive(actor)).orElseThrow());
        }));
    }

    public Outcome<AffiliationView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<AffiliationView>flatMap(allowed -> tx.read(actor, scope ->
            LinkRepository.affiliation(scope, id, policy.seesSensitive(actor)).map(Outcome::ok)
                .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<AffiliationView> update(Actor actor, UUID id, long version, AffiliationRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<AffiliationView>flatMap(allowed -> tx.write(actor, scope -> {
            if (LinkRepository.affiliation(scope, id, policy.seesSensitive(actor)).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            var v = read(scope, f, request);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            if (LinkRepository.updateAffiliation(scope, id, version, v) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, "affiliation.update", "affiliation", id, Result.SUCCESS);
            return Outcome.ok(LinkRepository.affiliation(scope, id, policy.seesSensitive(actor)).orElseThrow());
        }));
    }

    public Outcome<Void> delete(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            if (LinkRepository.affiliation(scope, id, policy.seesSensitive(actor)).isEmpty()) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            LinkRepository.deleteAffiliation(scope, id);
            audit.record(scope, "affiliation.delete", "affiliation", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<AffiliationView>> list(Actor actor, UUID personId, UUID organizationId, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<AffiliationView>>flatMap(allowed -> tx.read(actor, scope -> {
            var filter = new LinkRepository.AffiliationFilter(null, personId, organizationId);
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(LinkRepository.affiliations(scope, filter, sensitive, page),
                LinkRepository.countAffiliations(scope, filter, sensitive), page));
        }));
    }

    private LinkRepository.AffiliationValues read(TenantScope scope, Fields f, AffiliationRequest r) {
        UUID person = f.id("personId", r.personId(), true);
        UUID organization = f.id("organizationId", r.organizationId(), true);
        String role = f.optional("role", r.role(), 100);
        LocalDate starts = f.date("startsOn", r.startsOn(), null);
        LocalDate ends = f.date("endsOn", r.endsOn(), null);
        f.dateOrder("startsOn", starts, "endsOn", ends);
        String notes = f.text("notes", r.notes(), 2000);
        if (person != null && !People.exists(scope, person, policy.seesSensitive(scope.actor()))) {
            f.error("personId", "not_found");
        }
        if (organization != null && !Organizations.exists(scope, organization)) {
            f.error("organizationId", "not_found");
        }
        return new LinkRepository.AffiliationValues(person, organization, role, starts, ends, notes);
    }
}
