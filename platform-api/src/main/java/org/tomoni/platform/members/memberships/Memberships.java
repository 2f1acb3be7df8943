package org.tomoni.platform.members.memberships;

import org.tomoni.platform.members.people.MemberNumbers;
import org.tomoni.platform.members.organizations.OrganizationsTable;
import org.tomoni.platform.members.people.PartyChecks;
import org.tomoni.platform.members.people.PeopleTable;

import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
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
import org.tomoni.platform.shared.JapaneseText;
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

import static org.tomoni.platform.members.memberships.MembershipsTable.DETAIL;
import static org.tomoni.platform.members.memberships.MembershipsTable.ENDS_ON;
import static org.tomoni.platform.members.memberships.MembershipsTable.EVENTS;
import static org.tomoni.platform.members.memberships.MembershipsTable.KIND;
import static org.tomoni.platform.members.memberships.MembershipsTable.MEMBERSHIPS;
import static org.tomoni.platform.members.memberships.MembershipsTable.MEMBERSHIP_ID;
import static org.tomoni.platform.members.memberships.MembershipsTable.OCCURRED_AT;
import static org.tomoni.platform.members.memberships.MembershipsTable.ORGANIZATION_ID;
import static org.tomoni.platform.members.memberships.MembershipsTable.PERSON_ID;
import static org.tomoni.platform.members.memberships.MembershipsTable.STARTS_ON;
import static org.tomoni.platform.members.memberships.MembershipsTable.STATUS;
import static org.tomoni.platform.members.memberships.MembershipsTable.TYPE_ID;
import static org.tomoni.platform.members.memberships.MembershipsTable.UNITS;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/** Memberships of people and organisations, their history and the dues they owe per period. */
@Singleton
public class Memberships {
    private final AccessPolicy policy;
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Table<Record> M = MEMBERSHIPS.as("m");
    private static final Table<Record> T = MembershipsTable.TYPES.as("t");
    private static final Table<Record> P = PeopleTable.PEOPLE.as("p");
    private static final Table<Record> O = OrganizationsTable.ORGANIZATIONS.as("o");

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

    /** The statuses a membership can have. */
    public enum Status { ACTIVE, LAPSED, ENDED }

    public Outcome<MembershipView> create(Actor actor, MembershipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<MembershipView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            UUID person = f.id("personId", request.personId(), false);
            UUID organization = f.id("organizationId", request.organizationId(), false);
            UUID typeId = f.id("typeId", request.typeId(), true);
            LocalDate startsOn = request.startsOn() == null || request.startsOn().isBlank() ? today() : f.date("startsOn", request.startsOn(), null);
            if ((person == null) == (organization == null)) {
                f.error("personId", "one_member");
            }
            Optional<MembershipTypeView> type = typeId == null ? Optional.empty() : MembershipTypes.find(dsl, actor.tenantId(), typeId);
            if (typeId != null && type.isEmpty()) {
                f.error("typeId", "not_found");
            }
            int units = units(f, request.units(), type);
            type.ifPresent(t -> {
                if (person != null && !t.memberKind().equals(MemberKind.PERSON.code())) {
                    f.error("typeId", "member_kind");
                }
                if (organization != null && !t.memberKind().equals(MemberKind.ORGANIZATION.code())) {
                    f.error("typeId", "member_kind");
                }
            });
            if (person != null && !PartyChecks.personExists(dsl, actor.tenantId(), person, policy.seesSensitive(actor))) {
                f.error("personId", "not_found");
            }
            if (organization != null && !dsl.fetchExists(DSL.selectOne().where(OrganizationsTable.exists(actor.tenantId(), organization)))) {
                f.error("organizationId", "not_found");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            var now = Columns.now(clock);
            UUID id = Ids.newId();
            dsl.insertInto(MEMBERSHIPS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(PERSON_ID, person).set(ORGANIZATION_ID, organization)
                .set(TYPE_ID, typeId).set(UNITS, units).set(STARTS_ON, startsOn).set(STATUS, "active")
                .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).execute();
            assignMemberNumber(dsl, actor, person, organization);
            event(dsl, actor, id, "started", type.get().name() + " × " + units);
            audit.record(dsl, actor, "membership.create", "membership", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow());
        }));
    }

    public Outcome<MembershipView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<MembershipView>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> find(dsl, actor, id)
            .map(m -> Outcome.ok(m.withHistory(history(dsl, actor.tenantId(), id))))
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    /** Changes units, start date or status (active ⇄ lapsed); an ended membership stays ended. */
    public Outcome<MembershipView> update(Actor actor, UUID id, long version, MembershipRequest request) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<MembershipView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Optional<MembershipView> current = find(dsl, actor, id);
            if (current.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            MembershipView m = current.get();
            Fields f = new Fields();
            Optional<MembershipTypeView> type = MembershipTypes.find(dsl, actor.tenantId(), m.typeId());
            int units = request.units() == null ? m.units() : units(f, request.units(), type);
            LocalDate startsOn = request.startsOn() == null || request.startsOn().isBlank() ? m.startsOn() : f.date("startsOn", request.startsOn(), null);
            Status status = request.status() == null ? Status.valueOf(m.status().toUpperCase())
                : f.choice("status", request.status(), Status.class, true);
            if (status == Status.ENDED && !"ended".equals(m.status())) {
                f.error("status", "use_end");
            }
            if ("ended".equals(m.status()) && status != Status.ENDED) {
                f.error("status", "already_ended");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            int n = dsl.update(MEMBERSHIPS).set(UNITS, units).set(STARTS_ON, startsOn).set(STATUS, status.name().toLowerCase())
                .set(UPDATED_AT, Columns.now(clock)).set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), VERSION.eq(version)).execute();
            if (n == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            if (units != m.units()) {
                event(dsl, actor, id, "units_changed", m.units() + " → " + units);
            }
            if (!status.name().toLowerCase().equals(m.status())) {
                event(dsl, actor, id, status.name().toLowerCase(), m.status() + " → " + status.name().toLowerCase());
            }
            if (!startsOn.equals(m.startsOn())) {
                event(dsl, actor, id, "start_changed", m.startsOn() + " → " + startsOn);
            }
            audit.record(dsl, actor, "membership.update", "membership", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow().withHistory(history(dsl, actor.tenantId(), id)));
        }));
    }

    /** Ends the membership on the given day (today by default). */
    public Outcome<MembershipView> end(Actor actor, UUID id, String endsOnText) {
        return policy.check(actor, Capability.PEOPLE_WRITE).<MembershipView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Optional<MembershipView> current = find(dsl, actor, id);
            if (current.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            LocalDate endsOn = endsOnText == null ? today() : f.date("endsOn", endsOnText, null);
            if ("ended".equals(current.get().status())) {
                f.error("status", "already_ended");
            }
            f.dateOrder("startsOn", current.get().startsOn(), "endsOn", endsOn);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            dsl.update(MEMBERSHIPS).set(ENDS_ON, endsOn).set(STATUS, "ended").set(UPDATED_AT, Columns.now(clock))
                .set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id)).execute();
            event(dsl, actor, id, "ended", endsOn.toString());
            audit.record(dsl, actor, "membership.end", "membership", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor, id).orElseThrow().withHistory(history(dsl, actor.tenantId(), id)));
        }));
    }

    public Outcome<Page<MembershipView>> list(Actor actor, String q, String status, UUID typeId, UUID personId, UUID organizationId,
                                              PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<MembershipView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            Condition c = visible(actor);
            if (status != null) {
                c = c.and(of(M, STATUS).eq(status));
            }
            if (typeId != null) {
                c = c.and(of(M, TYPE_ID).eq(typeId));
            }
            if (personId != null) {
                c = c.and(of(M, PERSON_ID).eq(personId));
            }
            if (organizationId != null) {
                c = c.and(of(M, ORGANIZATION_ID).eq(organizationId));
            }
            String query = JapaneseText.searchForm(q);
            if (!query.isEmpty()) {
                c = c.and(of(P, PeopleTable.SEARCH_TEXT).contains(query).or(of(O, OrganizationsTable.SEARCH_TEXT).contains(query)));
            }
            List<MembershipView> items = select(dsl, actor.tenantId()).where(c).orderBy(of(M, STARTS_ON).desc(), of(M, ID))
                .limit(page.size()).offset(page.offset()).fetch(Memberships::toView);
            long total = dsl.selectCount().from(joined(actor.tenantId())).where(c).fetchOne(0, Long.class);
            return Outcome.ok(Page.of(items, total, page));
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
        return get(actor, id).map(m -> {
            return Dues.owed(FeePeriod.valueOf(m.period().toUpperCase()), m.duesPerPeriod(), m.startsOn(), m.endsOn(), from, to,
                fiscalStartMonth(actor));
        });
    }

    public List<MembershipView> ofMember(DSLContext dsl, Actor actor, UUID personId, UUID organizationId) {
        Condition c = visible(actor).and(personId != null ? of(M, PERSON_ID).eq(personId) : of(M, ORGANIZATION_ID).eq(organizationId));
        return select(dsl, actor.tenantId()).where(c).orderBy(of(M, STARTS_ON).desc(), of(M, ID)).fetch(Memberships::toView);
    }

    private Optional<MembershipView> find(DSLContext dsl, Actor actor, UUID id) {
        return select(dsl, actor.tenantId()).where(visible(actor).and(of(M, ID).eq(id))).fetchOptional(Memberships::toView);
    }

    private Condition visible(Actor actor) {
        Condition c = of(M, TENANT_ID).eq(actor.tenantId());
        return policy.seesSensitive(actor) ? c : c.and(of(P, PeopleTable.SENSITIVE).isNull().or(of(P, PeopleTable.SENSITIVE).isFalse()));
    }

    private static org.jooq.TableOnConditionStep<Record> joined(UUID tenantId) {
        return M.join(T).on(of(T, TENANT_ID).eq(tenantId), of(T, ID).eq(of(M, TYPE_ID)))
            .leftJoin(P).on(of(P, TENANT_ID).eq(tenantId), of(P, ID).eq(of(M, PERSON_ID)))
            .leftJoin(O).on(of(O, TENANT_ID).eq(tenantId), of(O, ID).eq(of(M, ORGANIZATION_ID)));
    }

    private static org.jooq.SelectJoinStep<Record> select(DSLContext dsl, UUID tenantId) {
        Field<String> memberName = DSL.coalesce(DSL.concat(of(P, PeopleTable.FAMILY_NAME), DSL.inline(" "), of(P, PeopleTable.GIVEN_NAME)),
            of(O, OrganizationsTable.NAME)).as("member_name");
        Field<Long> memberNumber = DSL.coalesce(of(P, PeopleTable.MEMBER_NUMBER), of(O, OrganizationsTable.MEMBER_NUMBER)).as("member_number");
        return dsl.select(List.<org.jooq.SelectFieldOrAsterisk>of(of(M, ID), of(M, PERSON_ID), of(M, ORGANIZATION_ID), memberName, memberNumber, of(M, TYPE_ID),
                of(T, MembershipsTable.NAME).as("type_name"), of(M, UNITS), of(M, STARTS_ON), of(M, ENDS_ON), of(M, STATUS),
                of(T, MembershipsTable.PERIOD), of(T, MembershipsTable.FEE_YEN), of(T, MembershipsTable.PER_UNIT),
                of(M, CREATED_AT), of(M, UPDATED_AT), of(M, VERSION)))
            .from(joined(tenantId));
    }

    private static MembershipView toView(Record r) {
        int units = r.get(of(M, UNITS));
        return new MembershipView(r.get(of(M, ID)), r.get(of(M, PERSON_ID)), r.get(of(M, ORGANIZATION_ID)), r.get("member_name", String.class),
            r.get("member_number", Long.class), r.get(of(M, TYPE_ID)), r.get("type_name", String.class), units, r.get(of(M, STARTS_ON)),
            r.get(of(M, ENDS_ON)), r.get(of(M, STATUS)), r.get(of(T, MembershipsTable.PERIOD)),
            Dues.perPeriod(r.get(of(T, MembershipsTable.FEE_YEN)), r.get(of(T, MembershipsTable.PER_UNIT)), units),
            r.get(of(M, CREATED_AT)), r.get(of(M, UPDATED_AT)), r.get(of(M, VERSION)), null);
    }

    private static <T> org.jooq.Field<T> of(Table<Record> t, org.jooq.Field<T> f) {
        return org.tomoni.platform.shared.Columns.qualified(t, f);
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

    private void assignMemberNumber(DSLContext dsl, Actor actor, UUID person, UUID organization) {
        var now = Columns.now(clock);
        if (person != null && dsl.fetchExists(PeopleTable.PEOPLE, TENANT_ID.eq(actor.tenantId()), ID.eq(person),
            PeopleTable.MEMBER_NUMBER.isNull())) {
            MemberNumbers.assign(dsl, actor.tenantId(), PeopleTable.PEOPLE, PeopleTable.MEMBER_NUMBER, person, now, actor.auditName());
        }
        if (organization != null && dsl.fetchExists(OrganizationsTable.ORGANIZATIONS, TENANT_ID.eq(actor.tenantId()), ID.eq(organization),
            OrganizationsTable.MEMBER_NUMBER.isNull())) {
            MemberNumbers.assign(dsl, actor.tenantId(), OrganizationsTable.ORGANIZATIONS, OrganizationsTable.MEMBER_NUMBER, organization, now,
                actor.auditName());
        }
    }

    private void event(DSLContext dsl, Actor actor, UUID membershipId, String kind, String detail) {
        var now = Columns.now(clock);
        dsl.insertInto(EVENTS).set(TENANT_ID, actor.tenantId()).set(ID, Ids.newId()).set(MEMBERSHIP_ID, membershipId)
            .set(OCCURRED_AT, now).set(KIND, kind).set(DETAIL, detail)
            .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).execute();
    }

    private static List<MembershipView.Event> history(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.select(OCCURRED_AT, KIND, DETAIL, CREATED_BY).from(EVENTS).where(TENANT_ID.eq(tenantId), MEMBERSHIP_ID.eq(id))
            .orderBy(OCCURRED_AT, ID).fetch(r -> new MembershipView.Event(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(TOKYO));
    }
}
