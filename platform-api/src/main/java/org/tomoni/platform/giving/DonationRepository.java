package org.tomoni.platform.giving;

import org.jooq.Field;
import org.jooq.Condition;
import org.jooq.InsertOnDuplicateStep;
import org.tomoni.platform.schema.tables.records.DonationsRecord;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.tomoni.platform.members.organizations.OrganizationNames;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.CHARGES;
import static org.tomoni.platform.schema.Tables.DONATIONS;
import static org.tomoni.platform.schema.Tables.GIFT_PLANS;
import static org.tomoni.platform.schema.Tables.RECURRING_GIFTS;

/** Money received (donations and fees): one row each; the scope stamps tenant and audit columns. */
final class DonationRepository {
    private static final String HIDDEN = "＊＊＊";
    /** A donation's counter-entry (index donations_reversal). */
    private static final org.tomoni.platform.schema.tables.Donations REVERSAL = DONATIONS.as("reversal");
    /** The donation that corrects it (index donations_correction). */
    private static final org.tomoni.platform.schema.tables.Donations REPLACEMENT = DONATIONS.as("replacement");
    private static final OrganizationNames ORG = OrganizationNames.alias("donor_org");

    private DonationRepository() {
    }

    record Values(UUID personId, UUID organizationId, String kind, long amount, LocalDate receivedOn, String method, String purpose, String note) {
    }

    /** What narrows a list of donations; null fields do not narrow. */
    record Filter(UUID personId, UUID organizationId, String kind, Integer year) {
        Filter(UUID personId, String kind, Integer year) {
            this(personId, null, kind, year);
        }
    }

    static void insert(TenantScope scope, UUID id, Values v) {
        scope.insertInto(DONATIONS).set(DONATIONS.ID, id).set(DONATIONS.PERSON_ID, v.personId())
            .set(DONATIONS.ORGANIZATION_ID, v.organizationId()).set(DONATIONS.KIND, v.kind())
            .set(DONATIONS.AMOUNT, v.amount()).set(DONATIONS.RECEIVED_ON, v.receivedOn()).set(DONATIONS.METHOD, v.method())
            .set(DONATIONS.PURPOSE, v.purpose()).set(DONATIONS.NOTE, v.note()).execute();
    }

    /**
     * The collected charges matching {@code which} become money received with the gift plan's purpose, in one
     * statement, in charge order. Each donation takes its charge's id (V20261203_2501), so the primary key refuses a
     * second donation for a charge.
     */
    private static InsertOnDuplicateStep<DonationsRecord> fromCharges(TenantScope scope, Condition which, LocalDate receivedOn) {
        List<Field<?>> columns = new java.util.ArrayList<>(List.of(DONATIONS.TENANT_ID, DONATIONS.ID, DONATIONS.PERSON_ID,
            DONATIONS.ORGANIZATION_ID, DONATIONS.KIND, DONATIONS.AMOUNT, DONATIONS.RECEIVED_ON, DONATIONS.METHOD, DONATIONS.PURPOSE,
            DONATIONS.CHARGE_ID));
        columns.addAll(scope.stampColumns(DONATIONS));
        List<org.jooq.SelectFieldOrAsterisk> values = new java.util.ArrayList<>(List.of(CHARGES.TENANT_ID, CHARGES.ID, CHARGES.PERSON_ID,
            CHARGES.ORGANIZATION_ID, CHARGES.KIND, CHARGES.AMOUNT, DSL.val(receivedOn), CHARGES.METHOD, GIFT_PLANS.PURPOSE, CHARGES.ID));
        values.addAll(scope.stampValues(DONATIONS));
        return scope.dsl().insertInto(DONATIONS, columns)
            .select(DSL.select(values)
                .from(CHARGES)
                .leftJoin(RECURRING_GIFTS).on(RECURRING_GIFTS.TENANT_ID.eq(CHARGES.TENANT_ID), RECURRING_GIFTS.ID.eq(CHARGES.GIFT_ID))
                .leftJoin(GIFT_PLANS).on(GIFT_PLANS.TENANT_ID.eq(RECURRING_GIFTS.TENANT_ID), GIFT_PLANS.ID.eq(RECURRING_GIFTS.PLAN_ID))
                .where(scope.owns(CHARGES), which, CHARGES.STATUS.eq(ChargeStatus.COLLECTED.code()))
                .orderBy(CHARGES.ID));
    }

    /** A settled card charge: a repeated settlement (the gateway's retried answer) adds nothing. */
    static int fromCharge(TenantScope scope, UUID chargeId, LocalDate receivedOn) {
        return fromCharges(scope, CHARGES.ID.eq(chargeId), receivedOn)
            .onConflict(DONATIONS.TENANT_ID, DONATIONS.ID).doNothing().execute();
    }

    /**
     * A reconciled batch's collected charges, without {@code ON CONFLICT}: the reconciliation holds the batch's row lock
     * and refuses a batch already reconciled before it gets here, and the primary key would still fail the whole
     * reconciliation on a duplicate. The speculative insertion {@code ON CONFLICT} pays per row cost 0.5-0.9 s of
     * 95,000 donations (README, Benchmarks) and bought nothing here.
     */
    static int fromBatch(TenantScope scope, UUID batchId, LocalDate receivedOn) {
        return fromCharges(scope, CHARGES.BATCH_ID.eq(batchId), receivedOn).execute();
    }

    /**
     * The counter-entry of donation {@code originalId}: the same donor, kind, amount, date, method and purpose, naming
     * the donation it reverses and the reason. The date is the original's, so the year it counted in nets to zero.
     * A second counter-entry of the same donation fails on donations_reversal.
     */
    static int insertCounterEntry(TenantScope scope, UUID id, UUID originalId, String reason) {
        var d = DONATIONS;
        List<Field<?>> columns = new java.util.ArrayList<>(List.of(d.TENANT_ID, d.ID, d.PERSON_ID, d.ORGANIZATION_ID, d.KIND, d.AMOUNT,
            d.RECEIVED_ON, d.METHOD, d.PURPOSE, d.REVERSES_ID, d.REASON));
        columns.addAll(scope.stampColumns(d));
        List<org.jooq.SelectFieldOrAsterisk> values = new java.util.ArrayList<>(List.of(d.TENANT_ID, DSL.val(id), d.PERSON_ID,
            d.ORGANIZATION_ID, d.KIND, d.AMOUNT, d.RECEIVED_ON, d.METHOD, d.PURPOSE, d.ID, DSL.val(reason)));
        values.addAll(scope.stampValues(d));
        return scope.dsl().insertInto(d, columns).select(DSL.select(values).from(d).where(scope.owns(d), d.ID.eq(originalId))).execute();
    }

    /** The corrected entry of donation {@code originalId}: its donor and kind, the corrected values, the reason. */
    static int insertCorrection(TenantScope scope, UUID id, UUID originalId, long amount, LocalDate receivedOn, String method, String purpose,
                                String reason) {
        var d = DONATIONS;
        List<Field<?>> columns = new java.util.ArrayList<>(List.of(d.TENANT_ID, d.ID, d.PERSON_ID, d.ORGANIZATION_ID, d.KIND, d.AMOUNT,
            d.RECEIVED_ON, d.METHOD, d.PURPOSE, d.NOTE, d.CORRECTS_ID, d.REASON));
        columns.addAll(scope.stampColumns(d));
        List<org.jooq.SelectFieldOrAsterisk> values = new java.util.ArrayList<>(List.of(d.TENANT_ID, DSL.val(id), d.PERSON_ID,
            d.ORGANIZATION_ID, d.KIND, DSL.val(amount), DSL.val(receivedOn), DSL.val(method), DSL.val(purpose), d.NOTE, d.ID, DSL.val(reason)));
        values.addAll(scope.stampValues(d));
        return scope.dsl().insertInto(d, columns).select(DSL.select(values).from(d).where(scope.owns(d), d.ID.eq(originalId))).execute();
    }

    /** Stamps the donation cancelled or corrected at {@code version} (its content never changes); 0 when it moved on. */
    static int touch(TenantScope scope, UUID id, long version) {
        return scope.update(DONATIONS).whereVersion(version, DONATIONS.ID.eq(id));
    }

    /** A donation that counts: neither a counter-entry nor reversed by one (what totals, the donor list and receipts sum). */
    static Condition counts(org.tomoni.platform.schema.tables.Donations d) {
        var r = DONATIONS.as("counter_entry");
        return d.REVERSES_ID.isNull().and(DSL.notExists(DSL.selectOne().from(r).where(r.TENANT_ID.eq(d.TENANT_ID), r.REVERSES_ID.eq(d.ID))));
    }

    /** The donations now named on receipt {@code receiptId}. */
    static int markReceipted(TenantScope scope, Collection<UUID> donationIds, UUID receiptId) {
        return scope.update(DONATIONS).set(DONATIONS.RECEIPT_ID, receiptId).where(DONATIONS.ID.in(donationIds));
    }

    static Optional<Donations.DonationView> find(TenantScope scope, UUID id) {
        return select(scope).where(scope.owns(DONATIONS), DONATIONS.ID.eq(id)).fetchOptional(DonationRepository::view);
    }

    /** Newest first. */
    static List<Donations.DonationView> page(TenantScope scope, Filter f, PageRequest page) {
        return select(scope).where(listed(scope, f)).orderBy(DONATIONS.RECEIVED_ON.desc(), DONATIONS.ID.desc())
            .limit(page.size()).offset(page.offset()).fetch(DonationRepository::view);
    }

    static long count(TenantScope scope, Filter f) {
        return scope.dsl().fetchCount(DONATIONS, listed(scope, f));
    }

    /** The donor's donations (not fees) of a calendar year that no receipt names yet, oldest first. */
    static List<Donations.DonationView> unreceipted(TenantScope scope, UUID personId, int year) {
        return unreceipted(scope, DONATIONS.PERSON_ID.eq(personId), year);
    }

    /** An organisation's donations (not fees) of a calendar year that no receipt names yet, oldest first. */
    static List<Donations.DonationView> unreceiptedOfOrganization(TenantScope scope, UUID organizationId, int year) {
        return unreceipted(scope, DONATIONS.ORGANIZATION_ID.eq(organizationId), year);
    }

    private static List<Donations.DonationView> unreceipted(TenantScope scope, Condition donor, int year) {
        return oldestFirst(scope, donor, DONATIONS.KIND.eq("donation"), DONATIONS.RECEIPT_ID.isNull(), counts(DONATIONS),
            DONATIONS.RECEIVED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
    }

    /** The donations with these ids, oldest first. */
    static List<Donations.DonationView> withIds(TenantScope scope, Collection<UUID> ids) {
        return oldestFirst(scope, DONATIONS.ID.in(ids));
    }

    private static List<Donations.DonationView> oldestFirst(TenantScope scope, Condition... c) {
        return select(scope).where(scope.owns(DONATIONS)).and(DSL.and(c)).orderBy(DONATIONS.RECEIVED_ON, DONATIONS.ID)
            .fetch(DonationRepository::view);
    }

    private static Condition listed(TenantScope scope, Filter f) {
        Condition c = scope.owns(DONATIONS);
        if (f.personId() != null) {
            c = c.and(DONATIONS.PERSON_ID.eq(f.personId()));
        }
        if (f.organizationId() != null) {
            c = c.and(DONATIONS.ORGANIZATION_ID.eq(f.organizationId()));
        }
        if (f.kind() != null) {
            c = c.and(DONATIONS.KIND.eq(f.kind()));
        }
        if (f.year() != null) {
            c = c.and(DONATIONS.RECEIVED_ON.between(LocalDate.of(f.year(), 1, 1), LocalDate.of(f.year(), 12, 31)));
        }
        return c;
    }

    /** Donations with the donor's name: a person's, or an organisation's. */
    private static SelectOnConditionStep<? extends Record> select(TenantScope scope) {
        var d = DONATIONS;
        return scope.dsl().select(d.ID, d.PERSON_ID, d.ORGANIZATION_ID, d.KIND, d.AMOUNT, d.RECEIVED_ON, d.METHOD, d.PURPOSE, d.CHARGE_ID,
                d.RECEIPT_ID, d.NOTE, PersonNames.familyName(), PersonNames.givenName(), PersonNames.sensitive(), ORG.name(),
                d.REVERSES_ID, d.CORRECTS_ID, d.REASON, d.VERSION, REVERSAL.ID, REPLACEMENT.ID)
            .from(d).leftJoin(PersonNames.table()).on(PersonNames.on(scope, d.PERSON_ID))
            .leftJoin(ORG.table()).on(ORG.on(scope, d.ORGANIZATION_ID))
            .leftJoin(REVERSAL).on(REVERSAL.TENANT_ID.eq(d.TENANT_ID), REVERSAL.REVERSES_ID.eq(d.ID))
            .leftJoin(REPLACEMENT).on(REPLACEMENT.TENANT_ID.eq(d.TENANT_ID), REPLACEMENT.CORRECTS_ID.eq(d.ID));
    }

    private static Donations.DonationView view(Record r) {
        var d = DONATIONS;
        String kind = r.get(d.KIND);
        UUID receipt = r.get(d.RECEIPT_ID);
        UUID reverses = r.get(d.REVERSES_ID);
        UUID reversedBy = r.get(REVERSAL.ID);
        UUID correctedBy = r.get(REPLACEMENT.ID);
        String state = reverses != null ? "counter_entry" : reversedBy == null ? "active" : correctedBy != null ? "corrected" : "cancelled";
        // Fees are never receipted as donations, nor are counter-entries and what they reversed.
        String status = receipt != null ? "issued" : "fee".equals(kind) || !"active".equals(state) ? "not_applicable" : "not_issued";
        long amount = reverses == null ? r.get(d.AMOUNT) : -r.get(d.AMOUNT);
        String family = r.get(PersonNames.familyName());
        String given = r.get(PersonNames.givenName());
        String name = r.get(d.ORGANIZATION_ID) != null ? r.get(ORG.name())
            : Boolean.TRUE.equals(r.get(PersonNames.sensitive())) ? HIDDEN : family == null || given == null ? null : family + " " + given;
        return new Donations.DonationView(r.get(d.ID), r.get(d.PERSON_ID), name, kind, amount, r.get(d.RECEIVED_ON).toString(),
            r.get(d.METHOD), r.get(d.PURPOSE), r.get(d.CHARGE_ID), receipt, status, r.get(d.NOTE), state, reverses, r.get(d.CORRECTS_ID),
            reversedBy, correctedBy, r.get(d.REASON), r.get(d.VERSION), r.get(d.ORGANIZATION_ID));
    }
}
