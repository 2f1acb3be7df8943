package org.tomoni.platform.members.people;

import jakarta.inject.Singleton;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.members.links.Affiliations;
import org.tomoni.platform.members.links.Relationships;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.persistence.TenantScope;
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

    People(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    /** Is {@code id} an active person of the scope's tenant (a sensitive one only if {@code includeSensitive})? For links and memberships. */
    public static boolean exists(TenantScope scope, UUID id, boolean includeSensitive) {
        return PeopleRepository.exists(scope, id, includeSensitive);
    }

    /** Creates a person (staff, or the public sign-up form for its donor); the answer names likely duplicates already on file. */
    public Outcome<PersonView> create(Actor actor, PersonRequest request) {
        return policy.checkAny(actor, Capability.PEOPLE_WRITE, Capability.PUBLIC_SIGNUP_CREATE).<PersonView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor, scope -> {
            Fields f = new Fields();
            PersonData data = PersonPolicy.read(f, request, today());
            checkBranch(scope, data.branchId(), f);
            MemberNumbers.check(scope, data.memberNumber(), null, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            UUID id = Ids.newId();
            List<DuplicateCandidate> duplicates = Duplicates.candidates(scope, data, id, policy.seesSensitive(actor));
            PeopleRepository.insert(scope, id, data);
            audit.record(scope, "person.create", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleRepository.find(scope, id, true).orElseThrow().withDuplicates(duplicates));
        })));
    }

    /**
     * The request as it would be stored (readings in katakana, the prefecture by name, …), or every field error; nothing is
     * read or written. For a form that shows what will be saved before it is (the public sign-up's confirmation).
     */
    public Outcome<PersonRequest> checked(PersonRequest request) {
        return PersonPolicy.check(request, today()).map(PersonData::toRequest);
    }

    /** A person with their relationships, affiliations and memberships. Reads of sensitive people are audited. */
    public Outcome<PersonView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<PersonView>flatMap(allowed -> tx.write(actor, scope -> {
            Optional<PersonView> person = PeopleRepository.find(scope, id, policy.seesSensitive(actor));
            if (person.isEmpty()) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            if (person.get().sensitive()) {
                audit.record(scope, "person.read_sensitive", "person", id, Result.SUCCESS);
            }
            return Outcome.ok(withDetail(scope, person.get()));
        }));
    }

    /** Updates when {@code expectedVersion} is the stored version; otherwise a version conflict. */
    public Outcome<PersonView> update(Actor actor, UUID id, long expectedVersion, PersonRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<PersonView>flatMap(allowed -> MemberNumbers.guarded(() -> tx.write(actor, scope -> {
            Optional<PersonView> stored = PeopleRepository.find(scope, id, policy.seesSensitive(actor));
            if (stored.isEmpty()) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            PersonData data = PersonPolicy.read(f, request, today());
            if (request.sensitive() == null) {
                // Absent is not false: a form or client that leaves the flag out must not expose a child to staff.
                data = data.withSensitive(stored.get().sensitive());
            }
            checkBranch(scope, data.branchId(), f);
            MemberNumbers.check(scope, data.memberNumber(), id, f);
            if (!f.ok()) {
                return MemberNumbers.rejected(f.errors());
            }
            if (PeopleRepository.update(scope, id, expectedVersion, data) == 0) {
                return Outcome.<PersonView>rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(scope, "person.update", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleRepository.find(scope, id, true).orElseThrow());
        })));
    }

    /** Archives (the person leaves lists and lookups; their traces stay for the records the law keeps). */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            if (PeopleRepository.find(scope, id, policy.seesSensitive(actor)).isEmpty()
                || PeopleRepository.archive(scope, id) == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(scope, "person.archive", "person", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    /** Brings an archived person back to the lists; one merged into another stays archived (not found). */
    public Outcome<PersonView> restore(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<PersonView>flatMap(allowed -> tx.write(actor, scope -> {
            if (PeopleRepository.restore(scope, id, policy.seesSensitive(actor)) == 0) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(scope, "person.restore", "person", id, Result.SUCCESS);
            return Outcome.ok(PeopleRepository.find(scope, id, true).orElseThrow());
        }));
    }

    /** Active people sorted by reading (gojuon); {@code query} matches names, readings, e-mail, phone, member number. */
    public Outcome<Page<PersonView>> search(Actor actor, String query, PageRequest page) {
        return search(actor, PeopleFilter.query(query), page);
    }

    public Outcome<Page<PersonView>> search(Actor actor, PeopleFilter filter, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<PersonView>>flatMap(allowed -> tx.read(actor, scope -> {
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(PeopleRepository.page(scope, filter, sensitive, page),
                PeopleRepository.count(scope, filter, sensitive), page));
        }));
    }

    /** Pairs of people who are likely the same, for staff to review. */
    public Outcome<List<DuplicatePair>> duplicatePairs(Actor actor, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<List<DuplicatePair>>flatMap(allowed -> tx.read(actor, scope ->
            Outcome.ok(Duplicates.pairs(scope, policy.seesSensitive(actor), page))));
    }

    /** Merges {@code duplicateId} into {@code survivorId}: every reference moves to the survivor; audited. */
    public Outcome<PersonView> merge(Actor actor, UUID survivorId, String duplicateId) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<PersonView>flatMap(allowed -> tx.write(actor, scope -> {
            boolean sensitive = policy.seesSensitive(actor);
            Optional<PersonView> survivor = PeopleRepository.find(scope, survivorId, sensitive);
            if (survivor.isEmpty()) {
                return Outcome.<PersonView>rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            UUID dupId = f.id("duplicateId", duplicateId, true);
            Optional<PersonView> duplicate = dupId == null ? Optional.empty() : PeopleRepository.find(scope, dupId, sensitive);
            if (dupId != null && duplicate.isEmpty()) {
                f.error("duplicateId", "not_found");
            }
            if (survivorId.equals(dupId)) {
                return Outcome.<PersonView>invalid(List.of(FieldError.of("duplicateId", "same_person")));
            }
            if (!f.ok()) {
                return Outcome.<PersonView>invalid(f.errors());
            }
            PeopleMerge.merge(scope, survivor.get(), duplicate.get());
            audit.record(scope, "person.merge", "person", survivorId, Result.SUCCESS);
            audit.record(scope, "person.merged_into", "person", dupId, Result.SUCCESS);
            return Outcome.ok(withDetail(scope, PeopleRepository.find(scope, survivorId, true).orElseThrow()));
        }));
    }

    /**
     * Marks {@code personId} and {@code otherId} as not the same person: the pair no longer appears
     * among the duplicates (either may still pair with someone else); audited. Marking it again is harmless.
     */
    public Outcome<Void> markNotDuplicate(Actor actor, UUID personId, String otherId) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<Void>flatMap(allowed -> tx.write(actor, scope -> {
            boolean sensitive = policy.seesSensitive(actor);
            if (!PeopleRepository.exists(scope, personId, sensitive)) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            UUID other = f.id("duplicateId", otherId, true);
            if (other != null && personId.equals(other)) {
                return Outcome.<Void>invalid(List.of(FieldError.of("duplicateId", "same_person")));
            }
            if (other != null && !PeopleRepository.exists(scope, other, sensitive)) {
                f.error("duplicateId", "not_found");
            }
            if (!f.ok()) {
                return Outcome.<Void>invalid(f.errors());
            }
            DuplicateDismissalRepository.dismiss(scope, personId, other);
            audit.record(scope, "person.not_duplicate", "person", personId, Result.SUCCESS);
            audit.record(scope, "person.not_duplicate", "person", other, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    /** A single read's relationships, affiliations and memberships, as the reader may see them. */
    private PersonView withDetail(TenantScope scope, PersonView person) {
        boolean sensitive = policy.seesSensitive(scope.actor());
        return person.withDetail(Relationships.ofPerson(scope, person.id(), sensitive), Affiliations.ofPerson(scope, person.id(), sensitive),
            Memberships.ofMember(scope, person.id(), null, sensitive));
    }

    private static void checkBranch(TenantScope scope, UUID branchId, Fields f) {
        if (branchId != null && !Branches.isActive(scope, branchId)) {
            f.error("branchId", "not_found");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TOKYO));
    }
}
