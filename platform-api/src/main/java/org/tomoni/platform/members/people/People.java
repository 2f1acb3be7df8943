package org.tomoni.platform.members.people;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The members module's facade for people: used by the REST edge and the admin UI alike. */
@Singleton
public class People {
    private final AccessPolicy policy;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final PartyDetails details;

    People(TenantTransactions tx, AuditTrail audit, Clock clock, PartyDetails details, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.details = details;
    }

    /** Creates a person (staff, or the public sign-up form for its donor); the answer names likely duplicates already on file. */
    public Outcome<PersonView> create(Actor actor, PersonRequest request) {
        return policy.checkAny(actor, Capability.PEOPLE_WRITE, Capability.PUBLIC_SIGNUP_CREATE).<PersonView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            PersonData data = PersonPolicy.read(f, request, today());
            PartyChecks.branch(dsl, actor.tenantId(), data.branchId(), f);
            PartyChecks.memberNumber(dsl, actor.tenantId(), data.memberNumber(), null, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            UUID id = Ids.newId();
            List<DuplicateCandidate> duplicates = Duplicates.candidates(dsl, actor.tenantId(), data, id, policy.seesSensitive(actor));
            PeopleTable.insert(dsl, actor.tenantId(), id, data, Columns.now(clock), actor.auditName());
            audit.record(dsl, actor, "person.create", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleTable.find(dsl, actor.tenantId(), id, true).orElseThrow().withDuplicates(duplicates));
        })));
    }

    /** A person with their relationships, affiliations and memberships. Reads of sensitive people are audited. */
    public Outcome<PersonView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<PersonView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Optional<PersonView> person = PeopleTable.find(dsl, actor.tenantId(), id, policy.seesSensitive(actor));
            if (person.isEmpty()) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            if (person.get().sensitive()) {
                audit.record(dsl, actor, "person.read_sensitive", "person", id, Result.SUCCESS);
            }
            return Outcome.ok(person.get().withDetail(details.relationshipsOf(dsl, actor, id), details.affiliationsOfPerson(dsl, actor, id),
                details.membershipsOf(dsl, actor, id, null)));
        }));
    }

    /** Updates when {@code expectedVersion} is the stored version; otherwise a version conflict. */
    public Outcome<PersonView> update(Actor actor, UUID id, long expectedVersion, PersonRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<PersonView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor.tenantId(), dsl -> {
            Optional<PersonView> stored = PeopleTable.find(dsl, actor.tenantId(), id, policy.seesSensitive(actor));
            if (stored.isEmpty()) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            PersonData data = PersonPolicy.read(f, request, today());
            if (request.sensitive() == null) {
                // Absent is not false: a form or client that leaves the flag out must not expose a child to staff.
                data = data.withSensitive(stored.get().sensitive());
            }
            PartyChecks.branch(dsl, actor.tenantId(), data.branchId(), f);
            PartyChecks.memberNumber(dsl, actor.tenantId(), data.memberNumber(), id, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            if (PeopleTable.update(dsl, actor.tenantId(), id, expectedVersion, data, Columns.now(clock), actor.auditName()) == 0) {
                return Outcome.<PersonView>rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "person.update", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleTable.find(dsl, actor.tenantId(), id, true).orElseThrow());
        })));
    }

    /** Archives (the person leaves lists and lookups; their traces stay for the records the law keeps). */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (PeopleTable.find(dsl, actor.tenantId(), id, policy.seesSensitive(actor)).isEmpty()
                || PeopleTable.archive(dsl, actor.tenantId(), id, Columns.now(clock), actor.auditName()) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(dsl, actor, "person.archive", "person", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    /** Active people sorted by reading (gojuon); {@code query} matches names, readings, e-mail, phone, member number. */
    public Outcome<Page<PersonView>> search(Actor actor, String query, PageRequest page) {
        return search(actor, PeopleFilter.query(query), page);
    }

    public Outcome<Page<PersonView>> search(Actor actor, PeopleFilter filter, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<PersonView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(PeopleTable.page(dsl, actor.tenantId(), filter, sensitive, page),
                PeopleTable.count(dsl, actor.tenantId(), filter, sensitive), page));
        }));
    }

    /** Pairs of people who are likely the same, for staff to review. */
    public Outcome<List<DuplicatePair>> duplicatePairs(Actor actor, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<List<DuplicatePair>>flatMap(allowed -> tx.read(actor.tenantId(), dsl ->
            Outcome.ok(Duplicates.pairs(dsl, actor.tenantId(), policy.seesSensitive(actor), page))));
    }

    /** Merges {@code duplicateId} into {@code survivorId}: every reference moves to the survivor; audited. */
    public Outcome<PersonView> merge(Actor actor, UUID survivorId, String duplicateId) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<PersonView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            boolean sensitive = policy.seesSensitive(actor);
            Optional<PersonView> survivor = PeopleTable.find(dsl, actor.tenantId(), survivorId, sensitive);
            if (survivor.isEmpty()) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            UUID dupId = f.id("duplicateId", duplicateId, true);
            Optional<PersonView> duplicate = dupId == null ? Optional.empty() : PeopleTable.find(dsl, actor.tenantId(), dupId, sensitive);
            if (dupId != null && duplicate.isEmpty()) {
                f.error("duplicateId", "not_found");
            }
            if (survivorId.equals(dupId)) {
                return Outcome.<PersonView>invalid(List.of(FieldError.of("duplicateId", "same_person")));
            }
            if (!f.ok()) {
                return Outcome.<PersonView>invalid(f.errors());
            }
            PeopleMerge.merge(dsl, actor.tenantId(), survivor.get(), duplicate.get(), Columns.now(clock), actor.auditName());
            audit.record(dsl, actor, "person.merge", "person", survivorId, Result.SUCCESS);
            audit.record(dsl, actor, "person.merged_into", "person", dupId, Result.SUCCESS);
            return Outcome.ok(view(dsl, actor, survivorId));
        }));
    }

    private PersonView view(DSLContext dsl, Actor actor, UUID id) {
        return PeopleTable.find(dsl, actor.tenantId(), id, true).orElseThrow().withDetail(details.relationshipsOf(dsl, actor, id),
            details.affiliationsOfPerson(dsl, actor, id), details.membershipsOf(dsl, actor, id, null));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TOKYO));
    }
}
