package org.tomoni.platform.members.memberships;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.JSONEntry;
import org.jooq.Record;
import org.jooq.Record4;
import org.jooq.Select;
import org.jooq.SelectFieldOrAsterisk;
import org.jooq.SelectJoinStep;
import org.jooq.TableLike;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.members.organizations.OrganizationNames;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.MembershipEvents;
import org.tomoni.platform.schema.tables.MembershipTypes;
import org.tomoni.platform.schema.tables.Memberships;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.MEMBERSHIPS;
import static org.tomoni.platform.schema.Tables.MEMBERSHIP_EVENTS;
import static org.tomoni.platform.schema.Tables.MEMBERSHIP_TYPES;

/**
 * The memberships aggregate: a membership row, its type's fee (read along) and its history
 * (membership_events). Reads join the member's name from people or organisations through their
 * published joins; sensitive people's memberships drop out unless allowed.
 */
final class MembershipRepository {
    private static final Memberships M = MEMBERSHIPS.as("m");
    private static final MembershipTypes T = MEMBERSHIP_TYPES.as("t");
    private static final PersonNames.Alias P = PersonNames.alias("p");
    private static final OrganizationNames O = OrganizationNames.alias("o");
    private static final MembershipEvents E = MEMBERSHIP_EVENTS;

    private MembershipRepository() {
    }

    record Values(UUID personId, UUID organizationId, UUID typeId, int units, LocalDate startsOn) {
    }

    /** Which memberships a list shows; null means any. */
    record Filter(UUID id, String query, String status, UUID typeId, UUID personId, UUID organizationId) {
        static Filter one(UUID id) {
            return new Filter(id, null, null, null, null, null);
        }
    }

    static void insert(TenantScope scope, UUID id, Values v) {
        scope.insertInto(MEMBERSHIPS).set(MEMBERSHIPS.ID, id).set(MEMBERSHIPS.PERSON_ID, v.personId())
            .set(MEMBERSHIPS.ORGANIZATION_ID, v.organizationId()).set(MEMBERSHIPS.TYPE_ID, v.typeId()).set(MEMBERSHIPS.UNITS, v.units())
            .set(MEMBERSHIPS.STARTS_ON, v.startsOn()).set(MEMBERSHIPS.STATUS, MembershipStatus.ACTIVE.code()).execute();
    }

    /** Changes units, start and status while the row is still at {@code version}; the rows changed (0 or 1). */
    static int update(TenantScope scope, UUID id, long version, int units, LocalDate startsOn, MembershipStatus status) {
        return scope.update(MEMBERSHIPS).set(MEMBERSHIPS.UNITS, units).set(MEMBERSHIPS.STARTS_ON, startsOn)
            .set(MEMBERSHIPS.STATUS, status.code()).whereVersion(version, MEMBERSHIPS.ID.eq(id));
    }

    static void end(TenantScope scope, UUID id, LocalDate endsOn) {
        scope.update(MEMBERSHIPS).set(MEMBERSHIPS.ENDS_ON, endsOn).set(MEMBERSHIPS.STATUS, MembershipStatus.ENDED.code())
            .where(MEMBERSHIPS.ID.eq(id));
    }

    /** A merged duplicate's memberships move to the survivor. */
    static void movePerson(TenantScope scope, UUID from, UUID to) {
        scope.update(MEMBERSHIPS).set(MEMBERSHIPS.PERSON_ID, to).where(MEMBERSHIPS.PERSON_ID.eq(from));
    }

    static Optional<MembershipView> find(TenantScope scope, UUID id, boolean includeSensitive) {
        return select(scope).where(where(scope, Filter.one(id), includeSensitive)).fetchOptional(MembershipRepository::toView);
    }

    static List<MembershipView> page(TenantScope scope, Filter filter, boolean includeSensitive, PageRequest page) {
        return select(scope).where(where(scope, filter, includeSensitive)).orderBy(M.STARTS_ON.desc(), M.ID)
            .limit(page.size()).offset(page.offset()).fetch(MembershipRepository::toView);
    }

    static List<MembershipView> all(TenantScope scope, Filter filter, boolean includeSensitive) {
        return select(scope).where(where(scope, filter, includeSensitive)).orderBy(M.STARTS_ON.desc(), M.ID).fetch(MembershipRepository::toView);
    }

    static long count(TenantScope scope, Filter filter, boolean includeSensitive) {
        return scope.dsl().fetchCount(DSL.selectOne().from(joined(scope)).where(where(scope, filter, includeSensitive)));
    }

    private static Condition where(TenantScope scope, Filter f, boolean includeSensitive) {
        Condition c = scope.owns(M);
        if (!includeSensitive) {
            c = c.and(P.sensitive().isNull().or(P.sensitive().isFalse()));
        }
        if (f.id() != null) {
            c = c.and(M.ID.eq(f.id()));
        }
        if (f.status() != null) {
            c = c.and(M.STATUS.eq(f.status()));
        }
        if (f.typeId() != null) {
            c = c.and(M.TYPE_ID.eq(f.typeId()));
        }
        if (f.personId() != null) {
            c = c.and(M.PERSON_ID.eq(f.personId()));
        }
        if (f.organizationId() != null) {
            c = c.and(M.ORGANIZATION_ID.eq(f.organizationId()));
        }
        if (!JapaneseText.searchForm(f.query()).isEmpty()) {
            c = c.and(P.matches(f.query()).or(O.matches(f.query())));
        }
        return c;
    }

    private static TableLike<Record> joined(TenantScope scope) {
        return M.join(T).on(T.TENANT_ID.eq(scope.tenantId()), T.ID.eq(M.TYPE_ID))
            .leftJoin(P.table()).on(P.on(scope, M.PERSON_ID))
            .leftJoin(O.table()).on(O.on(scope, M.ORGANIZATION_ID));
    }

    private static SelectJoinStep<Record> select(TenantScope scope) {
        Field<String> memberName = DSL.coalesce(P.fullName(), O.name()).as("member_name");
        Field<Long> memberNumber = DSL.coalesce(P.memberNumber(), O.memberNumber()).as("member_number");
        return scope.dsl().select(List.<SelectFieldOrAsterisk>of(M.ID, M.PERSON_ID, M.ORGANIZATION_ID, memberName, memberNumber, M.TYPE_ID,
                T.NAME.as("type_name"), M.UNITS, M.STARTS_ON, M.ENDS_ON, M.STATUS, T.PERIOD, T.FEE_YEN, T.PER_UNIT, M.CREATED_AT,
                M.UPDATED_AT, M.VERSION))
            .from(joined(scope));
    }

    private static MembershipView toView(Record r) {
        int units = r.get(M.UNITS);
        return new MembershipView(r.get(M.ID), r.get(M.PERSON_ID), r.get(M.ORGANIZATION_ID), r.get("member_name", String.class),
            r.get("member_number", Long.class), r.get(M.TYPE_ID), r.get("type_name", String.class), units, r.get(M.STARTS_ON),
            r.get(M.ENDS_ON), r.get(M.STATUS), r.get(T.PERIOD), Dues.perPeriod(r.get(T.FEE_YEN), r.get(T.PER_UNIT), units),
            r.get(M.CREATED_AT), r.get(M.UPDATED_AT), r.get(M.VERSION), null);
    }

    // ---- history

    /** Records one event: its kind, the changed fields before and after, and who acted (the scope's actor). */
    static void event(TenantScope scope, UUID membershipId, MembershipEventKind kind, MembershipView.Fields before,
                      MembershipView.Fields after) {
        scope.insertInto(E).set(E.ID, Ids.newId()).set(E.MEMBERSHIP_ID, membershipId).set(E.OCCURRED_AT, scope.now())
            .set(E.KIND, kind.code()).set(E.BEFORE, json(before)).set(E.AFTER, json(after)).set(E.ACTOR, scope.by()).execute();
    }

    static List<MembershipView.Event> history(TenantScope scope, UUID membershipId) {
        return scope.dsl().select(E.OCCURRED_AT, E.KIND, E.ACTOR,
                text(E.BEFORE, "status"), text(E.BEFORE, "units"), text(E.BEFORE, "startsOn"), text(E.BEFORE, "endsOn"),
                text(E.BEFORE, "typeName"),
                text(E.AFTER, "status"), text(E.AFTER, "units"), text(E.AFTER, "startsOn"), text(E.AFTER, "endsOn"),
                text(E.AFTER, "typeName"))
            .from(E).where(scope.owns(E), E.MEMBERSHIP_ID.eq(membershipId)).orderBy(E.OCCURRED_AT, E.ID)
            .fetch(r -> MembershipView.Event.of(r.value1(), MembershipEventKind.of(r.value2()),
                fields(r.value4(), r.value5(), r.value6(), r.value7(), r.value8()),
                fields(r.value9(), r.value10(), r.value11(), r.value12(), r.value13()), r.value3()));
    }

    private static Field<String> text(Field<JSONB> json, String key) {
        return DSL.jsonbGetAttributeAsText(json, key);
    }

    private static MembershipView.Fields fields(String status, String units, String startsOn, String endsOn, String typeName) {
        if (status == null && units == null && startsOn == null && endsOn == null && typeName == null) {
            return null;
        }
        return new MembershipView.Fields(status, units == null ? null : Integer.valueOf(units),
            startsOn == null ? null : LocalDate.parse(startsOn), endsOn == null ? null : LocalDate.parse(endsOn), typeName);
    }

    private static Field<JSONB> json(MembershipView.Fields f) {
        if (f == null) {
            return DSL.inline(null, SQLDataType.JSONB);
        }
        List<JSONEntry<?>> entries = new ArrayList<>();
        if (f.status() != null) {
            entries.add(DSL.key("status").value(f.status()));
        }
        if (f.units() != null) {
            entries.add(DSL.key("units").value(f.units()));
        }
        if (f.startsOn() != null) {
            entries.add(DSL.key("startsOn").value(f.startsOn().toString()));
        }
        if (f.endsOn() != null) {
            entries.add(DSL.key("endsOn").value(f.endsOn().toString()));
        }
        if (f.typeName() != null) {
            entries.add(DSL.key("typeName").value(f.typeName()));
        }
        return DSL.jsonbObject(entries);
    }

    // ---- published to people and giving

    /** See {@link MembershipHolders#holding}. */
    static Condition holding(TenantScope scope, Field<UUID> personId, String status) {
        return DSL.exists(DSL.selectOne().from(MEMBERSHIPS).where(MEMBERSHIPS.TENANT_ID.eq(scope.tenantId()),
            MEMBERSHIPS.PERSON_ID.eq(personId), MEMBERSHIPS.STATUS.eq(status)));
    }

    /** See {@link MembershipDues#duesOfPeriod}. */
    static Select<Record4<UUID, UUID, UUID, Long>> duesOfPeriod(TenantScope scope, LocalDate period, int fiscalStartMonth) {
        var m = MEMBERSHIPS;
        var t = MEMBERSHIP_TYPES;
        Field<Long> amount = t.FEE_YEN.mul(DSL.when(t.PER_UNIT.isTrue(), m.UNITS.cast(SQLDataType.BIGINT)).otherwise(DSL.inline(1L)))
            .as("amount");
        LocalDate next = period.plusMonths(1);
        // A yearly fee falls due in the fiscal year's first month, a one-off fee in the month the membership starts.
        Condition yearly = period.getMonthValue() == fiscalStartMonth ? t.PERIOD.eq("yearly") : DSL.falseCondition();
        Condition once = period.getDayOfMonth() == 1
            ? t.PERIOD.eq("once").and(m.STARTS_ON.ge(period)).and(m.STARTS_ON.lt(next)) : DSL.falseCondition();
        return scope.dsl().select(m.ID, m.PERSON_ID, m.ORGANIZATION_ID, amount)
            .from(m).join(t).on(t.TENANT_ID.eq(m.TENANT_ID), t.ID.eq(m.TYPE_ID))
            .where(scope.owns(m), m.STATUS.eq(MembershipStatus.ACTIVE.code()), t.FEE_YEN.gt(0L), m.STARTS_ON.lt(next),
                m.ENDS_ON.isNull().or(m.ENDS_ON.ge(period)), t.PERIOD.eq("monthly").or(yearly).or(once));
    }
}
