package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.text;

/**
 * Money received: one-off donations entered by staff (cash, bank transfer) and collected charges.
 * Each is a donation or a fee; only donations are receipted.
 */
@Singleton
public class Donations {
    private final AccessPolicy policy;
    static final Table<Record> DONATIONS = table(name("donations"));
    static final Field<UUID> PERSON_ID = field(name("person_id"), SQLDataType.UUID);
    static final Field<String> KIND = text("kind");
    static final Field<Long> AMOUNT = field(name("amount"), SQLDataType.BIGINT);
    static final Field<LocalDate> RECEIVED_ON = field(name("received_on"), SQLDataType.LOCALDATE);
    static final Field<String> METHOD = text("method");
    static final Field<String> PURPOSE = text("purpose");
    static final Field<UUID> CHARGE_ID = field(name("charge_id"), SQLDataType.UUID);
    static final Field<UUID> RECEIPT_ID = field(name("receipt_id"), SQLDataType.UUID);
    static final Field<String> NOTE = text("note");
    private static final String FROM_CHARGE = """
        insert into donations (tenant_id, id, person_id, organization_id, kind, amount, received_on, method, purpose, charge_id,
                               created_at, created_by, updated_at, updated_by)
        select c.tenant_id, gen_random_uuid(), c.person_id, c.organization_id, c.kind, c.amount, cast(? as date), c.method, p.purpose, c.id,
               cast(? as timestamptz), ?, cast(? as timestamptz), ?
        from charges c left join recurring_gifts g on g.tenant_id = c.tenant_id and g.id = c.gift_id
             left join gift_plans p on p.tenant_id = g.tenant_id and p.id = g.plan_id
        where c.tenant_id = cast(? as uuid) and c.%s = cast(? as uuid) and c.status = 'collected'
        on conflict (tenant_id, charge_id) where charge_id is not null do nothing
        """;
    private final TenantTransactions tx;
    private final AuditTrail audit;
    private final Clock clock;
    private final People people;

    Donations(TenantTransactions tx, AuditTrail audit, Clock clock, People people, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.people = people;
    }

    @Serdeable
    public record DonationRequest(@Nullable String personId, @Nullable Long amount, @Nullable String receivedOn, @Nullable String method,
                                  @Nullable String kind, @Nullable String purpose, @Nullable String note) {
    }

    /** {@code receiptStatus}: not_issued, issued, or not_applicable (fees). */
    @Serdeable
    public record DonationView(UUID id, UUID personId, String donorName, String kind, long amount, String receivedOn, String method,
                               String purpose, UUID chargeId, UUID receiptId, String receiptStatus, String note) {
    }

    public Outcome<DonationView> create(Actor actor, DonationRequest r) {
        if (policy.check(actor, Capability.GIVING_WRITE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        List<FieldError> errors = new ArrayList<>();
        Fields f = Fields.into(errors);
        f.texts("purpose", r.purpose(), "note", r.note());
        Optional<UUID> person = Optional.ofNullable(r.personId()).flatMap(Ids::parse).filter(id -> people.get(actor, id).isOk());
        if (person.isEmpty()) {
            errors.add(FieldError.of("personId", r.personId() == null ? "required" : "not_found"));
        }
        f.yen("amount", r.amount(), 1, 1_000_000_000L, "amount");
        LocalDate received = f.date("receivedOn", r.receivedOn(), true, null);
        if (r.method() == null || !List.of("cash", "bank_transfer").contains(r.method())) {
            errors.add(FieldError.of("method", "choice"));
        }
        String kind = r.kind() == null ? "donation" : r.kind();
        if (!List.of("donation", "fee").contains(kind)) {
            errors.add(FieldError.of("kind", "choice"));
        }
        if (!errors.isEmpty()) {
            return Outcome.invalid(errors);
        }
        return tx.write(actor.tenantId(), dsl -> {
            var now = Columns.now(clock);
            UUID id = Ids.newId();
            dsl.insertInto(DONATIONS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(PERSON_ID, person.get()).set(KIND, kind)
                .set(AMOUNT, r.amount()).set(RECEIVED_ON, received).set(METHOD, r.method()).set(PURPOSE, JapaneseText.clean(r.purpose()))
                .set(NOTE, r.note() == null || r.note().isBlank() ? null : java.text.Normalizer.normalize(r.note().strip(), java.text.Normalizer.Form.NFC)).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now)
                .set(UPDATED_BY, actor.auditName()).execute();
            audit.record(dsl, actor, "donation.create", "donation", id, Result.SUCCESS);
            return Outcome.ok(find(dsl, actor.tenantId(), id).orElseThrow());
        });
    }

    public Outcome<DonationView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** Newest first; optionally one donor's, one kind, or one calendar year. */
    public Outcome<Page<DonationView>> list(Actor actor, @Nullable UUID personId, @Nullable String kind, @Nullable Integer year,
                                            PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> {
            Condition c = q(TENANT_ID).eq(actor.tenantId());
            if (personId != null) {
                c = c.and(q(PERSON_ID).eq(personId));
            }
            if (kind != null) {
                c = c.and(q(KIND).eq(kind));
            }
            if (year != null) {
                c = c.and(q(RECEIVED_ON).between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            }
            List<DonationView> items = select(dsl, actor.tenantId()).where(c).orderBy(q(RECEIVED_ON).desc(), q(ID).desc())
                .limit(page.size()).offset(page.offset()).fetch(Donations::view);
            return Outcome.ok(Page.of(items, dsl.fetchCount(dsl.selectOne().from(DONATIONS).where(c)), page));
        });
    }

    /** A collected charge becomes money received, once (the unique charge_id makes a repeat a no-op). */
    static void fromCharge(DSLContext dsl, Actor actor, UUID chargeId, LocalDate receivedOn, OffsetDateTime now) {
        collected(dsl, actor, "id", chargeId, receivedOn, now);
    }

    /** Every collected charge of a direct-debit batch, in one statement. */
    static void fromBatch(DSLContext dsl, Actor actor, UUID batchId, LocalDate receivedOn, OffsetDateTime now) {
        collected(dsl, actor, "batch_id", batchId, receivedOn, now);
    }

    private static void collected(DSLContext dsl, Actor actor, String column, UUID id, LocalDate receivedOn, OffsetDateTime now) {
        dsl.execute(FROM_CHARGE.formatted(column), receivedOn.toString(), now.toString(), actor.auditName(), now.toString(),
            actor.auditName(), actor.tenantId().toString(), id.toString());
    }

    /** The donations matching {@code c}, oldest first, in one query. */
    static List<DonationView> where(DSLContext dsl, UUID tenantId, Condition c) {
        return select(dsl, tenantId).where(q(TENANT_ID).eq(tenantId), c).orderBy(q(RECEIVED_ON), q(ID)).fetch(Donations::view);
    }

    static Optional<DonationView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return select(dsl, tenantId).where(q(TENANT_ID).eq(tenantId), q(ID).eq(id)).fetchOptional(Donations::view);
    }

    private static org.jooq.SelectOnConditionStep<? extends Record> select(DSLContext dsl, UUID tenantId) {
        var p = GivingTables.PEOPLE;
        return dsl.select(q(ID), q(PERSON_ID), q(KIND), q(AMOUNT), q(RECEIVED_ON), q(METHOD), q(PURPOSE), q(CHARGE_ID), q(RECEIPT_ID), q(NOTE),
                DSL.concat(Columns.qualified(p, GivingTables.FAMILY_NAME), DSL.inline(" "), Columns.qualified(p, GivingTables.GIVEN_NAME)),
                Columns.qualified(p, GivingTables.SENSITIVE))
            .from(DONATIONS).leftJoin(p).on(Columns.qualified(p, TENANT_ID).eq(tenantId), Columns.qualified(p, ID).eq(q(PERSON_ID)));
    }

    private static DonationView view(Record r) {
        String kind = r.get(q(KIND));
        UUID receipt = r.get(q(RECEIPT_ID));
        String status = "fee".equals(kind) ? "not_applicable" : receipt == null ? "not_issued" : "issued";
        String name = Boolean.TRUE.equals(r.get(11, Boolean.class)) ? "＊＊＊" : r.get(10, String.class);
        return new DonationView(r.get(q(ID)), r.get(q(PERSON_ID)), name, kind, r.get(q(AMOUNT)), r.get(q(RECEIVED_ON)).toString(),
            r.get(q(METHOD)), r.get(q(PURPOSE)), r.get(q(CHARGE_ID)), receipt, status, r.get(q(NOTE)));
    }

    static <T> Field<T> q(Field<T> f) {
        return Columns.qualified(DONATIONS, f);
    }

}
