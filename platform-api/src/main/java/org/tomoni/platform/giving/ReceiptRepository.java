package org.tomoni.platform.giving;

import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.DONATIONS;
import static org.tomoni.platform.schema.Tables.RECEIPTS;
import static org.tomoni.platform.schema.Tables.RECEIPT_LINES;

/**
 * The receipts aggregate: a receipt with its lines (the donations it certifies). Rows are written once; afterwards only
 * the status and the pointer to the replacement change, on reissue (the database's trigger refuses anything else).
 */
final class ReceiptRepository {
    private static final String NUMBER = "receipt_number";

    private ReceiptRepository() {
    }

    record Values(String number, UUID personId, UUID organizationId, String kind, int year, LocalDate issuedOn, long total, UUID replacesId, byte[] pdf) {
    }

    /** The next receipt number of the year issued: {@code 2026-000042}. */
    static String nextNumber(TenantScope scope, int year) {
        return year + "-" + String.format("%06d", org.tomoni.platform.persistence.Counters.next(scope, NUMBER));
    }

    /** The receipt, issued, with a line for each of the donations (of this tenant) named. */
    static void insert(TenantScope scope, UUID id, Values v, List<UUID> donationIds) {
        scope.insertInto(RECEIPTS).set(RECEIPTS.ID, id).set(RECEIPTS.RECEIPT_NUMBER, v.number()).set(RECEIPTS.PERSON_ID, v.personId())
            .set(RECEIPTS.ORGANIZATION_ID, v.organizationId()).set(RECEIPTS.KIND, v.kind()).set(RECEIPTS.YEAR, v.year()).set(RECEIPTS.ISSUED_ON, v.issuedOn()).set(RECEIPTS.TOTAL, v.total())
            .set(RECEIPTS.STATUS, ReceiptStatus.ISSUED.code()).set(RECEIPTS.REPLACES_ID, v.replacesId()).set(RECEIPTS.PDF, v.pdf()).execute();
        scope.dsl().insertInto(RECEIPT_LINES, RECEIPT_LINES.TENANT_ID, RECEIPT_LINES.RECEIPT_ID, RECEIPT_LINES.DONATION_ID)
            .select(DSL.select(DSL.val(scope.tenantId()), DSL.val(id), DONATIONS.ID).from(DONATIONS)
                .where(scope.owns(DONATIONS), DONATIONS.ID.in(donationIds)))
            .execute();
    }

    /** Voids an issued receipt in favour of {@code replacedBy}; 0 rows when it is no longer issued. */
    static int voidFor(TenantScope scope, UUID id, UUID replacedBy) {
        return scope.update(RECEIPTS).set(RECEIPTS.STATUS, ReceiptStatus.VOID.code()).set(RECEIPTS.REPLACED_BY_ID, replacedBy)
            .where(RECEIPTS.ID.eq(id), RECEIPTS.STATUS.eq(ReceiptStatus.ISSUED.code()));
    }

    static Optional<byte[]> pdf(TenantScope scope, UUID id) {
        return scope.dsl().select(RECEIPTS.PDF).from(RECEIPTS).where(scope.owns(RECEIPTS), RECEIPTS.ID.eq(id)).fetchOptional(RECEIPTS.PDF);
    }

    static Optional<Receipts.ReceiptView> find(TenantScope scope, UUID id) {
        return views(scope, RECEIPTS.ID.eq(id), PageRequest.of(null, null)).stream().findFirst();
    }

    /** Newest first; optionally one donor's or one year's. */
    static List<Receipts.ReceiptView> page(TenantScope scope, UUID personId, Integer year, PageRequest page) {
        return page(scope, personId, null, year, page);
    }

    static long count(TenantScope scope, UUID personId, Integer year) {
        return count(scope, personId, null, year);
    }

    static List<Receipts.ReceiptView> page(TenantScope scope, UUID personId, UUID organizationId, Integer year, PageRequest page) {
        return views(scope, listed(personId, organizationId, year), page);
    }

    static long count(TenantScope scope, UUID personId, UUID organizationId, Integer year) {
        return scope.dsl().fetchCount(RECEIPTS, scope.owns(RECEIPTS).and(listed(personId, organizationId, year)));
    }

    private static Condition listed(UUID personId, UUID organizationId, Integer year) {
        return (personId == null ? DSL.noCondition() : RECEIPTS.PERSON_ID.eq(personId))
            .and(organizationId == null ? DSL.noCondition() : RECEIPTS.ORGANIZATION_ID.eq(organizationId))
            .and(year == null ? DSL.noCondition() : RECEIPTS.YEAR.eq(year));
    }

    /** A page of receipts with their donations: two queries, however many receipts. */
    private static List<Receipts.ReceiptView> views(TenantScope scope, Condition c, PageRequest page) {
        var r = RECEIPTS;
        var rows = scope.dsl().select(r.ID, r.RECEIPT_NUMBER, r.PERSON_ID, r.KIND, r.YEAR, r.ISSUED_ON, r.TOTAL, r.STATUS, r.REPLACES_ID,
                r.REPLACED_BY_ID, r.ORGANIZATION_ID).from(r)
            .where(scope.owns(r), c).orderBy(r.ISSUED_ON.desc(), r.RECEIPT_NUMBER.desc()).limit(page.size()).offset(page.offset()).fetch();
        Map<UUID, List<UUID>> lines = scope.dsl().select(RECEIPT_LINES.RECEIPT_ID, RECEIPT_LINES.DONATION_ID).from(RECEIPT_LINES)
            .where(scope.owns(RECEIPT_LINES), RECEIPT_LINES.RECEIPT_ID.in(rows.map(x -> x.value1()))).orderBy(RECEIPT_LINES.DONATION_ID)
            .fetchGroups(RECEIPT_LINES.RECEIPT_ID, RECEIPT_LINES.DONATION_ID);
        return rows.map(x -> new Receipts.ReceiptView(x.value1(), x.value2(), x.value3(), x.value4(), x.value5(), x.value6().toString(),
            x.value7(), x.value8(), x.value9(), x.value10(), lines.getOrDefault(x.value1(), List.of()), x.value11()));
    }
}
