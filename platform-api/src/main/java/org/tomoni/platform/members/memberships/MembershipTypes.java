package org.tomoni.platform.members.memberships;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.members.memberships.MembershipsTable.DESCRIPTION;
import static org.tomoni.platform.members.memberships.MembershipsTable.FEE_YEN;
import static org.tomoni.platform.members.memberships.MembershipsTable.MEMBERSHIPS;
import static org.tomoni.platform.members.memberships.MembershipsTable.MEMBER_KIND;
import static org.tomoni.platform.members.memberships.MembershipsTable.NAME;
import static org.tomoni.platform.members.memberships.MembershipsTable.PERIOD;
import static org.tomoni.platform.members.memberships.MembershipsTable.PER_UNIT;
import static org.tomoni.platform.members.memberships.MembershipsTable.STATUS;
import static org.tomoni.platform.members.memberships.MembershipsTable.TYPES;
import static org.tomoni.platform.members.memberships.MembershipsTable.TYPE_ID;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/** A tenant's fee schedule as data: name, fee in yen, per month / year / once, per unit (口) or flat. */
@Singleton
public class MembershipTypes {
    private final AccessPolicy policy;
    private static final org.jooq.Field<java.time.OffsetDateTime> ARCHIVED_AT =
        DSL.field(DSL.name("archived_at"), org.jooq.impl.SQLDataType.TIMESTAMPWITHTIMEZONE);
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    MembershipTypes(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    private record Data(String name, long feeYen, FeePeriod period, boolean perUnit, MemberKind memberKind, String description) {
    }

    public Outcome<MembershipTypeView> create(Actor actor, MembershipTypeRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<MembershipTypeView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            Data d = read(f, request);
            nameFree(dsl, actor.tenantId(), d.name(), null, f);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            var now = Columns.now(clock);
            dsl.insertInto(TYPES).set(TENANT_ID, actor.tenantId()).set(ID, id).set(NAME, d.name()).set(FEE_YEN, d.feeYen())
                .set(PERIOD, d.period().code()).set(PER_UNIT, d.perUnit()).set(MEMBER_KIND, d.memberKind().code())
                .set(DESCRIPTION, d.description()).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
                .set(UPDATED_BY, actor.auditName()).execute();
            audit.record(dsl, actor, "membership_type.create", "membership_type", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        }));
    }

    public Outcome<MembershipTypeView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<MembershipTypeView>flatMap(allowed -> tx.read(actor.tenantId(), dsl ->
            find(dsl, actor.tenantId(), id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    /** Changes the schedule entry; existing memberships owe the new fee from now on. */
    public Outcome<MembershipTypeView> update(Actor actor, UUID id, long version, MembershipTypeRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<MembershipTypeView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Optional<MembershipTypeView> current = find(dsl, actor.tenantId(), id);
            if (current.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            Data d = read(f, request);
            nameFree(dsl, actor.tenantId(), d.name(), id, f);
            if (d.memberKind() != null && !d.memberKind().code().equals(current.get().memberKind()) && current.get().activeMemberships() > 0) {
                f.error("memberKind", "in_use");
            }
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            int n = dsl.update(TYPES).set(NAME, d.name()).set(FEE_YEN, d.feeYen()).set(PERIOD, d.period().code()).set(PER_UNIT, d.perUnit())
                .set(MEMBER_KIND, d.memberKind().code()).set(DESCRIPTION, d.description()).set(UPDATED_AT, Columns.now(clock))
                .set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), VERSION.eq(version)).execute();
            if (n == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "membership_type.update", "membership_type", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        }));
    }

    /** Archives: no new memberships of this type; existing ones keep it. */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<Void>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            var now = Columns.now(clock);
            int n = dsl.update(TYPES).set(ARCHIVED_AT, now).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName())
                .set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), ARCHIVED_AT.isNull()).execute();
            if (n == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(dsl, actor, "membership_type.archive", "membership_type", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<MembershipTypeView>> list(Actor actor, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<MembershipTypeView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            var c = TENANT_ID.eq(actor.tenantId()).and(ARCHIVED_AT.isNull());
            List<MembershipTypeView> items = select(dsl, actor.tenantId()).where(c).orderBy(NAME, ID).limit(page.size())
                .offset(page.offset()).fetch(MembershipTypes::toView);
            return Outcome.ok(Page.of(items, dsl.fetchCount(TYPES, c), page));
        }));
    }

    static Optional<MembershipTypeView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return select(dsl, tenantId).where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull()).fetchOptional(MembershipTypes::toView);
    }

    private static org.jooq.SelectJoinStep<Record> select(DSLContext dsl, UUID tenantId) {
        var typeId = DSL.field(DSL.name("membership_types", "id"), org.jooq.impl.SQLDataType.UUID);
        var active = DSL.selectCount().from(MEMBERSHIPS).where(TENANT_ID.eq(tenantId), TYPE_ID.eq(typeId), STATUS.ne("ended"))
            .asField("active_count");
        return dsl.select(List.<org.jooq.SelectFieldOrAsterisk>of(ID, NAME, FEE_YEN, PERIOD, PER_UNIT, MEMBER_KIND, DESCRIPTION, active, CREATED_AT, UPDATED_AT, VERSION)).from(TYPES);
    }

    private static MembershipTypeView toView(Record r) {
        return new MembershipTypeView(r.get(ID), r.get(NAME), r.get(FEE_YEN), r.get(PERIOD), r.get(PER_UNIT), r.get(MEMBER_KIND),
            r.get(DESCRIPTION), r.get("active_count", Long.class), r.get(CREATED_AT), r.get(UPDATED_AT), r.get(VERSION));
    }

    private static void nameFree(DSLContext dsl, UUID tenantId, String name, UUID self, Fields f) {
        if (name != null && dsl.fetchExists(TYPES, TENANT_ID.eq(tenantId), NAME.eq(name), ARCHIVED_AT.isNull(),
            self == null ? DSL.noCondition() : ID.ne(self))) {
            f.error("name", "taken");
        }
    }

    private static Data read(Fields f, MembershipTypeRequest r) {
        String name = f.required("name", r.name(), 100);
        Long fee = r.feeYen();
        if (fee == null) {
            f.error("feeYen", "required");
        } else if (fee < 0 || fee > 100_000_000L) {
            f.error("feeYen", "number");
        }
        FeePeriod period = f.choice("period", r.period(), FeePeriod.class, true);
        MemberKind kind = f.choice("memberKind", r.memberKind(), MemberKind.class, true);
        String description = f.text("description", r.description(), 2000);
        return new Data(name, fee == null ? 0 : fee, period, r.perUnit() != null && r.perUnit(), kind, description);
    }
}
