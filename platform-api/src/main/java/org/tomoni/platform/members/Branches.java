package org.tomoni.platform.members;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.AuditTrail;
import org.tomoni.platform.shared.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.members.BranchesTable.ARCHIVED_AT;
import static org.tomoni.platform.members.BranchesTable.BRANCHES;
import static org.tomoni.platform.members.BranchesTable.NAME;
import static org.tomoni.platform.members.BranchesTable.NAME_KANA;
import static org.tomoni.platform.members.BranchesTable.NOTES;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;

/** A tenant's branches (支部); tenant admins maintain them, everyone reads them. */
@Singleton
public class Branches {
    private final AccessPolicy policy;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;

    Branches(TenantTransactions tx, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    public Outcome<BranchView> create(Actor actor, BranchRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<BranchView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            Fields f = new Fields();
            String name = f.required("name", request.name(), 100);
            String kana = f.kana("nameKana", request.nameKana(), false);
            String notes = f.text("notes", request.notes(), 2000);
            nameFree(dsl, actor.tenantId(), name, null, f);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            UUID id = Ids.newId();
            var now = Columns.now(clock);
            dsl.insertInto(BRANCHES).set(TENANT_ID, actor.tenantId()).set(ID, id).set(NAME, name).set(NAME_KANA, kana).set(NOTES, notes)
                .set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName()).execute();
            audit.record(dsl, actor, "branch.create", "branch", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        }));
    }

    public Outcome<BranchView> get(Actor actor, UUID id) {
        return policy.check(actor, Capability.PEOPLE_READ).<BranchView>flatMap(allowed -> tx.read(actor.tenantId(), dsl ->
            find(dsl, actor.tenantId(), id).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND))));
    }

    public Outcome<BranchView> update(Actor actor, UUID id, long version, BranchRequest request) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<BranchView>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            if (find(dsl, actor.tenantId(), id).isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            Fields f = new Fields();
            String name = f.required("name", request.name(), 100);
            String kana = f.kana("nameKana", request.nameKana(), false);
            String notes = f.text("notes", request.notes(), 2000);
            nameFree(dsl, actor.tenantId(), name, id, f);
            if (!f.ok()) {
                return Outcome.invalid(f.errors());
            }
            int n = dsl.update(BRANCHES).set(NAME, name).set(NAME_KANA, kana).set(NOTES, notes).set(UPDATED_AT, Columns.now(clock))
                .set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), VERSION.eq(version), ARCHIVED_AT.isNull()).execute();
            if (n == 0) {
                return Outcome.rejected(ErrorCode.VERSION_CONFLICT);
            }
            audit.record(dsl, actor, "branch.update", "branch", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        }));
    }

    /** Archives the branch; its people and organisations keep it as a past assignment. */
    public Outcome<Void> archive(Actor actor, UUID id) {
        return policy.check(actor, Capability.MEMBERS_SETTINGS).<Void>flatMap(allowed -> tx.write(actor.tenantId(), dsl -> {
            var now = Columns.now(clock);
            int n = dsl.update(BRANCHES).set(ARCHIVED_AT, now).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName())
                .set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id), ARCHIVED_AT.isNull()).execute();
            if (n == 0) {
                return Outcome.<Void>rejected(ErrorCode.NOT_FOUND);
            }
            audit.record(dsl, actor, "branch.archive", "branch", id, Result.SUCCESS);
            return Outcome.ok(null);
        }));
    }

    public Outcome<Page<BranchView>> list(Actor actor, String q, PageRequest page) {
        return policy.check(actor, Capability.PEOPLE_READ).<Page<BranchView>>flatMap(allowed -> tx.read(actor.tenantId(), dsl -> {
            var c = TENANT_ID.eq(actor.tenantId()).and(ARCHIVED_AT.isNull());
            String query = JapaneseText.fold(q);
            if (query != null) {
                // Names are stored as typed; the search folds widths on both sides so ＡＢＣ finds ABC.
                c = c.and(org.jooq.impl.DSL.field("normalize({0}, NFKC)", String.class, NAME).contains(query)
                    .or(NAME_KANA.contains(JapaneseText.toKatakana(query))));
            }
            List<BranchView> items = select(dsl, actor.tenantId()).where(c).orderBy(NAME_KANA.nullsLast(), NAME, ID)
                .limit(page.size()).offset(page.offset()).fetch(Branches::toView);
            return Outcome.ok(Page.of(items, dsl.fetchCount(BRANCHES, c), page));
        }));
    }

    /** Every active branch, for selects. */
    public List<BranchView> all(Actor actor) {
        return list(actor, null, PageRequest.of(0, PageRequest.MAX_SIZE)) instanceof Outcome.Ok<Page<BranchView>> ok
            ? ok.value().items() : List.of();
    }

    private static void nameFree(DSLContext dsl, UUID tenantId, String name, UUID self, Fields f) {
        if (name != null && dsl.fetchExists(BRANCHES, TENANT_ID.eq(tenantId), NAME.eq(name), ARCHIVED_AT.isNull(),
            self == null ? DSL.noCondition() : ID.ne(self))) {
            f.errors().add(FieldError.of("name", "taken"));
        }
    }

    private static Optional<BranchView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return select(dsl, tenantId).where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull()).fetchOptional(Branches::toView);
    }

    private static org.jooq.SelectJoinStep<Record> select(DSLContext dsl, UUID tenantId) {
        var branchId = DSL.field(DSL.name("branches", "id"), org.jooq.impl.SQLDataType.UUID);
        var people = DSL.selectCount().from(PeopleTable.PEOPLE).where(TENANT_ID.eq(tenantId), PeopleTable.BRANCH_ID.eq(branchId),
            PeopleTable.ARCHIVED_AT.isNull()).asField("people_count");
        var orgs = DSL.selectCount().from(OrganizationsTable.ORGANIZATIONS).where(TENANT_ID.eq(tenantId),
            OrganizationsTable.BRANCH_ID.eq(branchId), OrganizationsTable.ARCHIVED_AT.isNull()).asField("organization_count");
        return dsl.select(List.<org.jooq.SelectFieldOrAsterisk>of(ID, NAME, NAME_KANA, NOTES, people, orgs, CREATED_AT, UPDATED_AT, VERSION)).from(BRANCHES);
    }

    private static BranchView toView(Record r) {
        return new BranchView(r.get(ID), r.get(NAME), r.get(NAME_KANA), r.get(NOTES), r.get("people_count", Long.class),
            r.get("organization_count", Long.class), r.get(CREATED_AT), r.get(UPDATED_AT), r.get(VERSION));
    }
}
