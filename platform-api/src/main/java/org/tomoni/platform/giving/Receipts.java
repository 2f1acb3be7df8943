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
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.persistence.Counters;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
import static org.tomoni.platform.shared.Columns.VERSION;
import static org.tomoni.platform.shared.Columns.text;

/**
 * 寄附金受領証明書: a receipt per donation or one per donor and calendar year, as PDF with the
 * organisation's name, address and certification. An issued receipt is never changed: its PDF is
 * kept as issued; a reissue gets a new number, names the old one, and voids it. Fees are never
 * receipted as donations.
 */
@Singleton
public class Receipts {
    private final AccessPolicy policy;
    static final Table<Record> RECEIPTS = table(name("receipts"));
    static final Table<Record> LINES = table(name("receipt_lines"));
    private static final Field<String> NUMBER = text("receipt_number");
    private static final Field<UUID> PERSON_ID = field(name("person_id"), SQLDataType.UUID);
    private static final Field<String> KIND = text("kind");
    private static final Field<Integer> YEAR = field(name("year"), SQLDataType.INTEGER);
    private static final Field<LocalDate> ISSUED_ON = field(name("issued_on"), SQLDataType.LOCALDATE);
    private static final Field<Long> TOTAL = field(name("total"), SQLDataType.BIGINT);
    private static final Field<String> STATUS = text("status");
    private static final Field<UUID> REPLACES_ID = field(name("replaces_id"), SQLDataType.UUID);
    private static final Field<UUID> REPLACED_BY_ID = field(name("replaced_by_id"), SQLDataType.UUID);
    private static final Field<byte[]> PDF = field(name("pdf"), SQLDataType.BLOB);
    private static final Field<UUID> RECEIPT_ID = field(name("receipt_id"), SQLDataType.UUID);
    private static final Field<UUID> DONATION_ID = field(name("donation_id"), SQLDataType.UUID);
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final AuditTrail audit;
    private final Clock clock;

    Receipts(TenantTransactions tx, TenantRegistry tenants, AuditTrail audit, Clock clock, AccessPolicy policy) {
        this.policy = policy;
        this.tx = tx;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    @Serdeable
    public record ReceiptView(UUID id, String receiptNumber, UUID personId, String kind, int year, String issuedOn, long total,
                              String status, UUID replacesId, UUID replacedById, List<UUID> donationIds) {
    }

    /** What {@code POST /receipts} asks for: {@code donationId} for one donation's receipt, or {@code personId} and {@code year} for the annual one. */
    @Serdeable
    public record IssueRequest(@Nullable String donationId, @Nullable String personId, @Nullable Integer year) {
    }

    /** One donation's receipt or the annual one, as the request names; an id that is no UUID is not found. */
    public Outcome<ReceiptView> issue(Actor actor, IssueRequest r) {
        if (r.donationId() != null) {
            return Ids.withId(r.donationId(), id -> issue(actor, id));
        }
        if (r.personId() != null) {
            return Ids.withId(r.personId(), id -> annual(actor, id, r.year()));
        }
        return Outcome.invalid(List.of(FieldError.of("donationId", "required")));
    }

    /** One donation's receipt. */
    public Outcome<ReceiptView> issue(Actor actor, UUID donationId) {
        return write(actor, dsl -> {
            Optional<Donations.DonationView> d = Donations.find(dsl, actor.tenantId(), donationId);
            if (d.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            if ("fee".equals(d.get().kind())) {
                return Outcome.invalid(List.of(FieldError.of("donationId", "fee")));
            }
            if (d.get().receiptId() != null) {
                return Outcome.invalid(List.of(FieldError.of("donationId", "already_receipted")));
            }
            LocalDate on = LocalDate.parse(d.get().receivedOn());
            return Outcome.ok(create(dsl, actor, d.get().personId(), "single", on.getYear(), List.of(d.get()), null));
        });
    }

    /** The donor's combined receipt for a calendar year: every donation of the year not yet receipted. */
    public Outcome<ReceiptView> annual(Actor actor, UUID personId, Integer year) {
        if (year == null || year < 2000 || year > 2099) {
            return Outcome.invalid(List.of(FieldError.of("year", "year")));
        }
        return write(actor, dsl -> {
            Condition c = Donations.q(Donations.PERSON_ID).eq(personId).and(Donations.q(Donations.KIND).eq("donation"))
                .and(Donations.q(Donations.RECEIPT_ID).isNull())
                .and(Donations.q(Donations.RECEIVED_ON).between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
            List<Donations.DonationView> donations = Donations.where(dsl, actor.tenantId(), c);
            if (donations.isEmpty()) {
                return Outcome.invalid(List.of(FieldError.of("year", "no_donations")));
            }
            return Outcome.ok(create(dsl, actor, personId, "annual", year, donations, null));
        });
    }

    /** A new receipt with a new number for the same donations; the old one is voided and names its replacement. */
    public Outcome<ReceiptView> reissue(Actor actor, UUID receiptId) {
        return write(actor, dsl -> {
            Optional<ReceiptView> old = find(dsl, actor.tenantId(), receiptId);
            if (old.isEmpty()) {
                return Outcome.rejected(ErrorCode.NOT_FOUND);
            }
            if (!"issued".equals(old.get().status())) {
                return Outcome.invalid(List.of(FieldError.of("receipt", "already_void")));
            }
            List<Donations.DonationView> donations = Donations.where(dsl, actor.tenantId(),
                Donations.q(ID).in(old.get().donationIds()));
            ReceiptView fresh = create(dsl, actor, old.get().personId(), old.get().kind(), old.get().year(), donations, old.get());
            dsl.update(RECEIPTS).set(STATUS, "void").set(REPLACED_BY_ID, fresh.id()).set(UPDATED_AT, Columns.now(clock))
                .set(UPDATED_BY, actor.auditName()).set(VERSION, VERSION.plus(1)).where(TENANT_ID.eq(actor.tenantId()), ID.eq(receiptId)).execute();
            return Outcome.ok(find(dsl, actor.tenantId(), fresh.id()).orElseThrow());
        });
    }

    public Outcome<ReceiptView> get(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> find(dsl, actor.tenantId(), id).map(Outcome::ok)
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    /** The PDF exactly as it was issued. */
    public Outcome<byte[]> pdf(Actor actor, UUID id) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> dsl.select(PDF).from(RECEIPTS).where(TENANT_ID.eq(actor.tenantId()), ID.eq(id))
            .fetchOptional(r -> r.value1()).map(Outcome::ok).orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND)));
    }

    public Outcome<Page<ReceiptView>> list(Actor actor, UUID personId, Integer year, PageRequest page) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.read(actor.tenantId(), dsl -> {
            Condition c = TENANT_ID.eq(actor.tenantId());
            if (personId != null) {
                c = c.and(PERSON_ID.eq(personId));
            }
            if (year != null) {
                c = c.and(YEAR.eq(year));
            }
            return Outcome.ok(Page.of(views(dsl, actor.tenantId(), c, page), dsl.fetchCount(RECEIPTS, c), page));
        });
    }

    /** 寄附者名簿: each donor of the fiscal year with address, total, count and first and last dates. */
    public Outcome<byte[]> donorList(Actor actor, Integer fiscalYear, ExcelCsv.Encoding encoding) {
        if (policy.check(actor, Capability.GIVING_READ) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        if (fiscalYear == null || fiscalYear < 2000 || fiscalYear > 2099) {
            return Outcome.invalid(List.of(FieldError.of("fiscalYear", "year")));
        }
        int startMonth = tenants.findById(actor.tenantId()).map(t -> t.settings().fiscalYearStartMonth()).orElse(4);
        LocalDate from = LocalDate.of(fiscalYear, startMonth, 1);
        LocalDate to = from.plusYears(1).minusDays(1);
        return tx.write(actor.tenantId(), dsl -> {
            var rows = dsl.resultQuery("""
                select p.family_name || ' ' || p.given_name, p.family_name_kana || ' ' || p.given_name_kana, p.postal_code,
                       concat_ws('', p.prefecture, p.city, p.address_line1, ' ' || p.address_line2), sum(d.amount), count(*),
                       min(d.received_on), max(d.received_on)
                from donations d join people p on p.tenant_id = d.tenant_id and p.id = d.person_id
                where d.tenant_id = cast(? as uuid) and d.kind = 'donation' and d.received_on between cast(? as date) and cast(? as date)
                group by p.id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.postal_code, p.prefecture, p.city,
                         p.address_line1, p.address_line2, p.sort_key
                order by p.sort_key, p.id
                """, actor.tenantId().toString(), from.toString(), to.toString()).fetch();
            Outcome<byte[]> bytes = ExcelCsv.export(encoding, List.of("氏名", "フリガナ", "郵便番号", "住所", "寄附金額合計", "寄附件数", "最初の受領日",
                "最後の受領日"), printer -> {
                for (Record r : rows) {
                    printer.printRecord(ExcelCsv.cell(r.get(0)), ExcelCsv.cell(r.get(1)), ExcelCsv.cell(r.get(2)), ExcelCsv.cell(r.get(3)),
                        r.get(4), r.get(5), r.get(6), r.get(7));
                }
            });
            if (bytes.isOk()) {
                audit.record(dsl, actor, "donor_list.export", "donor_list", actor.tenantId(), Result.SUCCESS);
            }
            return bytes;
        });
    }

    private ReceiptView create(DSLContext dsl, Actor actor, UUID personId, String kind, int year, List<Donations.DonationView> donations,
                               ReceiptView replaces) {
        var now = Columns.now(clock);
        LocalDate issuedOn = now.atZoneSameInstant(PublicGiving.TOKYO).toLocalDate();
        String number = issuedOn.getYear() + "-" + String.format("%06d", Counters.next(dsl, actor.tenantId(), "receipt_number", now,
            actor.auditName()));
        long total = donations.stream().mapToLong(Donations.DonationView::amount).sum();
        byte[] pdf = render(dsl, actor.tenantId(), personId, number, issuedOn, donations, replaces == null ? null : replaces.receiptNumber());
        UUID id = Ids.newId();
        dsl.insertInto(RECEIPTS).set(TENANT_ID, actor.tenantId()).set(ID, id).set(NUMBER, number).set(PERSON_ID, personId).set(KIND, kind)
            .set(YEAR, year).set(ISSUED_ON, issuedOn).set(TOTAL, total).set(STATUS, "issued").set(REPLACES_ID, replaces == null ? null : replaces.id())
            .set(PDF, pdf).set(CREATED_AT, now).set(CREATED_BY, actor.auditName()).set(UPDATED_AT, now).set(UPDATED_BY, actor.auditName())
            .execute();
        List<UUID> donationIds = donations.stream().map(Donations.DonationView::id).toList();
        dsl.insertInto(LINES, TENANT_ID, RECEIPT_ID, DONATION_ID)
            .select(dsl.select(DSL.val(actor.tenantId()), DSL.val(id), ID).from(Donations.DONATIONS)
                .where(TENANT_ID.eq(actor.tenantId()), ID.in(donationIds))).execute();
        dsl.update(Donations.DONATIONS).set(Donations.RECEIPT_ID, id).where(TENANT_ID.eq(actor.tenantId()), ID.in(donationIds)).execute();
        audit.record(dsl, actor, replaces == null ? "receipt.issue" : "receipt.reissue", "receipt", id, Result.SUCCESS);
        return find(dsl, actor.tenantId(), id).orElseThrow();
    }

    private byte[] render(DSLContext dsl, UUID tenantId, UUID personId, String number, LocalDate issuedOn,
                          List<Donations.DonationView> donations, String replacesNumber) {
        Tenant tenant = tenants.findById(tenantId).orElseThrow();
        var settings = GivingSettings.find(dsl, tenantId);
        Record p = dsl.resultQuery("""
            select family_name || ' ' || given_name, postal_code, concat_ws('', prefecture, city, address_line1, ' ' || address_line2)
            from people where tenant_id = cast(? as uuid) and id = cast(? as uuid)
            """, tenantId.toString(), personId.toString()).fetchOne();
        var lines = donations.stream().map(d -> new ReceiptPdf.Line(LocalDate.parse(d.receivedOn()), d.amount(),
            d.purpose() == null ? "寄附金（" + GiftNotices.method(d.method()) + "）" : "寄附金・" + d.purpose())).toList();
        var receipt = new ReceiptPdf.Receipt(number, issuedOn, "寄附金受領証明書", tenant.nameJa(),
            settings.organizationAddress() == null ? "" : settings.organizationAddress(), settings.certificationNumber(),
            settings.certificationDate() == null ? null : LocalDate.parse(settings.certificationDate()), p.get(0, String.class),
            p.get(1, String.class), p.get(2, String.class), lines, replacesNumber);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ReceiptPdf.write(receipt, out);
        return out.toByteArray();
    }

    private static Optional<ReceiptView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return views(dsl, tenantId, ID.eq(id), PageRequest.of(null, null)).stream().findFirst();
    }

    /** A page of receipts with their donations: two queries, however many receipts. */
    private static List<ReceiptView> views(DSLContext dsl, UUID tenantId, Condition c, PageRequest page) {
        var rows = dsl.select(ID, NUMBER, PERSON_ID, KIND, YEAR, ISSUED_ON, TOTAL, STATUS, REPLACES_ID, REPLACED_BY_ID).from(RECEIPTS)
            .where(TENANT_ID.eq(tenantId), c).orderBy(ISSUED_ON.desc(), NUMBER.desc()).limit(page.size()).offset(page.offset()).fetch();
        Map<UUID, List<UUID>> lines = dsl.select(RECEIPT_ID, DONATION_ID).from(LINES)
            .where(TENANT_ID.eq(tenantId), RECEIPT_ID.in(rows.map(r -> r.value1()))).orderBy(DONATION_ID)
            .fetchGroups(RECEIPT_ID, DONATION_ID);
        return rows.map(r -> new ReceiptView(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6().toString(), r.value7(),
            r.value8(), r.value9(), r.value10(), lines.getOrDefault(r.value1(), List.of())));
    }

    private <T> Outcome<T> write(Actor actor, java.util.function.Function<DSLContext, Outcome<T>> work) {
        if (policy.check(actor, Capability.RECEIPTS_ISSUE) instanceof Outcome.Rejected<Void> refused) {
            return refused.cast();
        }
        return tx.write(actor.tenantId(), work);
    }
}
