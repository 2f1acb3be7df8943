package org.tomoni.platform.members.memberships;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.MemberNumbers;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Memberships of people and organisations, their history and the dues they owe per period. */
@Singleton
public class Memberships {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final TenantRegistry tenants;

    Memberships(TenantTransactions tx, AuditTrail audit, Clock clock, TenantRegistry tenants, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.tenants = tenants;
    }

    /** A person's or an organisation's memberships, newest first, for their single read. */
    public static List<MembershipView> ofMember(TenantScope scope, UUID personId, UUID organizationId, boolean includeSensitive) {
        return MembershipRepository.all(scope, new MembershipRepository.Filter(null, null, null, null, personId, organizationId),
            includeSensitive);
    }

    /** A merged duplicate's memberships move to the survivor. */
    public static void movePerson(TenantScope scope, UUID from, UUID to) {
        MembershipRepository.movePerson(scope, from, to);
    }

    public Outcome<MembershipView> create(Actor actor, MembershipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<MembershipView>flatMap(allowed -> tx.write(actor, scope -> {
            Fields f = new Fields();
            UUID person = f.id("personId", request.personId(), false);
            UUID organization = f.id("organizationId", request.organizationId(), false);
            UUID typeId = f.id("typeId", request.typeId(), true);
            LocalDate startsOn = request.startsOn() == null || request.startsOn().isBlank() ? today() : f.date("startsOn", request.startsOn(), null);
            if ((person == null) == (organization == null)) {
                f.error("personId", "one_member");
            }
            Optional<MembershipTypeView> type = typeId == null ? Optional.empty() : MembershipTypeRepository.find(scope, typeId);
            if (typeId != null && type.isEmpty()) {
                f.error("typeId", "not_found");
            }
            int units = units(f, request.units(), type);
            type.ifPresent(t -> {
                if (person != null && !MemberKind.admits(t.memberKind(), MemberKind.PERSON)) {
                    f.error("typeId", "member_kind");
                }
                if (organization != null && !MemberKind.admits(t.memberKind(), MemberKind.ORGANIZATION)) {
                    f.error("typeId", "member_kind");
                }
            });
            if (person != null && !People.exists(scope, person, policy.seesSensitive(actor))) {
                f.error("personId", "not_found");
            }
            if (organization != null && !Organizations.exists(scope, organization)) {
                f.error("organizationId", "not_found");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            MembershipRepository.insert(scope, id, new MembershipRepository.Values(person, organization, typeId, units, startsOn));
            if (person != null) {
                MemberNumbers.assignToPerson(scope, person);
            } else {
                Organizations.assignMemberNumber(scope, organization);
            }
            MembershipRepository.event(scope, id, MembershipEventKind.STARTED, null,
                new MembershipView.Fields(null, units, null, null, type.get().name()));
            audit.record(scope, "membership.create", "membership", id, Result.SUCCESS);
            return Outcome.ok(find(scope, id).orElseThrow());
        }));
    }

    public Outcome<MembershipView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<MembershipView>flatMap(allowed -> tx.read(actor, scope -> find(scope, id)
            .map(m -> Outcome.ok(m.withHistory(MembershipRepository.history(scope, id))))
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    /** Changes units, start date or status (active ⇄ lapsed, {@link MembershipStatus}); ending is {@link #end}. */
    public Outcome<MembershipView> update(Actor actor, UUID id, long version, MembershipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<MembershipView>flatMap(allowed -> tx.write(actor, scope -> {
            Optional<MembershipView> current = find(scope, id);
            if (current.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            MembershipView m = current.get();
            MembershipStatus was = MembershipStatus.of(m.status());
            Fields f = new Fields();
            Optional<MembershipTypeView> type = MembershipTypeRepository.find(scope, m.typeId());
            int units = request.units() == null ? m.units() : units(f, request.units(), type);
            LocalDate startsOn = request.startsOn() == null || request.startsOn().isBlank() ? m.startsOn() : f.date("startsOn", request.startsOn(), null);
            MembershipStatus status = request.status() == null ? was : f.choice("status", request.status(), MembershipStatus.class, true);
            if (status != null && status != was) {
                if (status == MembershipStatus.ENDED) {
                    f.error("status", "use_end");
                } else if (!was.canBecome(status)) {
                    f.error("status", "already_ended");
                }
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            if (MembershipRepository.update(scope, id, version, units, startsOn, status) == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            if (units != m.units()) {
                MembershipRepository.event(scope, id, MembershipEventKind.UNITS_CHANGED, MembershipView.Fields.units(m.units()),
                    MembershipView.Fields.units(units));
            }
            if (status != was) {
                MembershipRepository.event(scope, id, MembershipEventKind.entering(status), MembershipView.Fields.status(was),
                    MembershipView.Fields.status(status));
            }
            if (!startsOn.equals(m.startsOn())) {
                MembershipRepository.event(scope, id, MembershipEventKind.START_CHANGED, MembershipView.Fields.startsOn(m.startsOn()),
                    MembershipView.Fields.startsOn(startsOn));
            }
            audit.record(scope, "membership.update", "membership", id, Result.SUCCESS);
            return Outcome.ok(find(scope, id).orElseThrow().withHistory(MembershipRepository.history(scope, id)));
        }));
    }

    /** Ends the membership on the given day (today by default). */
    public Outcome<MembershipView> end(Actor actor, UUID id, String endsOnText) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<MembershipView>flatMap(allowed -> tx.write(actor, scope -> {
            Optional<MembershipView> current = find(scope, id);
            if (current.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            MembershipStatus was = MembershipStatus.of(current.get().status());
            Fields f = new Fields();
            LocalDate endsOn = endsOnText == null ? today() : f.date("endsOn", endsOnText, null);
            if (!was.canBecome(MembershipStatus.ENDED)) {
                f.error("status", "already_ended");
            }
            f.dateOrder("startsOn", current.get().startsOn(), "endsOn", endsOn);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            MembershipRepository.end(scope, id, endsOn);
            MembershipRepository.event(scope, id, MembershipEventKind.ENDED, MembershipView.Fields.status(was),
                new MembershipView.Fields(MembershipStatus.ENDED.code(), null, null, endsOn, null));
            audit.record(scope, "membership.end", "membership", id, Result.SUCCESS);
            return Outcome.ok(find(scope, id).orElseThrow().withHistory(MembershipRepository.history(scope, id)));
        }));
    }

    public Outcome<Page<MembershipView>> list(Actor actor, String q, String status, UUID typeId, UUID personId, UUID organizationId,
                                              PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<MembershipView>>flatMap(allowed -> tx.read(actor, scope -> {
            var filter = new MembershipRepository.Filter(null, q, status, typeId, personId, organizationId);
            boolean sensitive = policy.seesSensitive(actor);
            return Outcome.ok(Page.of(MembershipRepository.page(scope, filter, sensitive, page),
                MembershipRepository.count(scope, filter, sensitive), page));
        }));
    }

    /**
     * Dues between {@code from} and {@code to} (YYYY-MM, inclusive, at most ten years apart); by
     * default the tenant's current fiscal year (from its fiscalYearStartMonth), as of the clock.
     */
    public Outcome<List<Dues.Line>> dues(Actor actor, UUID id, String from, String to) {
        Fields f = new Fields();
        YearMonth start = f.month("from", from, false);
        YearMonth end = f.month("to", to, false);
        if (!f.ok()) {
            return Outcome.invalid(f.errors());
        }
        YearMonth first = start != null ? start : fiscalYearOf(actor, YearMonth.now(clock.withZone(TOKYO)));
        YearMonth last = end != null ? end : first.plusMonths(11);
        if (last.isBefore(first) || first.plusYears(10).isBefore(last)) {
            return Outcome.invalid(List.of(FieldError.of("to", "month")));
        }
        return owed(actor, id, first, last);
    }

    /** The first month of the tenant's fiscal year that holds {@code month}. */
    private YearMonth fiscalYearOf(Actor actor, YearMonth month) {
        int fiscalStart = fiscalStartMonth(actor);
        YearMonth start = month.withMonth(fiscalStart);
        return start.isAfter(month) ? start.minusYears(1) : start;
    }

    private int fiscalStartMonth(Actor actor) {
        return tenants.findById(actor.tenantId()).map(t -> t.settings().fiscalYearStartMonth()).orElse(4);
    }

    /** Dues per period between two months (inclusive), from the type's fee, units and the tenant's fiscal year. */
    private Outcome<List<Dues.Line>> owed(Actor actor, UUID id, YearMonth from, YearMonth to) {
        return get(actor, id).map(m -> Dues.owed(FeePeriod.valueOf(m.period().toUpperCase()), m.duesPerPeriod(), m.startsOn(), m.endsOn(),
            from, to, fiscalStartMonth(actor)));
    }

    private Optional<MembershipView> find(TenantScope scope, UUID id) {
        return MembershipRepository.find(scope, id, policy.seesSensitive(scope.actor()));
    }

    private static int units(Fields f, Integer units, Optional<MembershipTypeView> type) {
        int u = units == null ? 1 : units;
        if (u < 1 || u > 10_000) {
            f.error("units", "number");
        } else if (u > 1 && type.isPresent() && !type.get().perUnit()) {
            f.error("units", "flat_fee");
        }
        return u;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TOKYO));
    }
}
