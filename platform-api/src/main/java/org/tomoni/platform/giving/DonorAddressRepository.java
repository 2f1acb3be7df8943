package org.tomoni.platform.giving;

import org.tomoni.platform.members.organizations.OrganizationNames;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.sum;
import static org.tomoni.platform.schema.Tables.DONATIONS;

/**
 * The donor's postal details a receipt and the 寄附者名簿 print, through the people package's published join
 * ({@link PersonNames}): giving never names the people table.
 */
final class DonorAddressRepository {
    private DonorAddressRepository() {
    }

    /** Who a receipt is addressed to. */
    record Addressee(String name, String postalCode, String address) {
    }

    /** A line of the donor list: the donor's postal details and their donations of the period. */
    record DonorLine(String name, String reading, String postalCode, String address, long total, long count, LocalDate first,
                     LocalDate last) {
    }

    private static final OrganizationNames ORG = OrganizationNames.alias("receipt_org");

    /** An organisation as a receipt addresses it: its name, postal code and address. */
    static Addressee addresseeOrganization(TenantScope scope, UUID organizationId) {
        return scope.dsl().select(ORG.name(), ORG.postalCode(), ORG.postalAddress())
            .from(ORG.table()).where(ORG.on(scope, org.jooq.impl.DSL.val(organizationId)))
            .fetchOne(r -> new Addressee(r.value1(), r.value2(), r.value3()));
    }

    static Addressee addressee(TenantScope scope, UUID personId) {
        return scope.dsl().select(PersonNames.fullName(), PersonNames.postalCode(), PersonNames.postalAddress())
            .from(PersonNames.table()).where(PersonNames.on(scope, org.jooq.impl.DSL.val(personId)))
            .fetchOne(r -> new Addressee(r.value1(), r.value2(), r.value3()));
    }

    /** Each donor of donations (not fees) received between {@code from} and {@code to}, in the order of their readings. */
    static List<DonorLine> donorList(TenantScope scope, LocalDate from, LocalDate to) {
        var total = sum(DONATIONS.AMOUNT).cast(Long.class);
        return scope.dsl().select(PersonNames.fullName(), PersonNames.reading(), PersonNames.postalCode(), PersonNames.postalAddress(),
                total, count(), min(DONATIONS.RECEIVED_ON), max(DONATIONS.RECEIVED_ON))
            .from(DONATIONS).join(PersonNames.table()).on(PersonNames.on(scope, DONATIONS.PERSON_ID))
            .where(scope.owns(DONATIONS), DONATIONS.KIND.eq("donation"), DONATIONS.RECEIVED_ON.between(from, to),
                DonationRepository.counts(DONATIONS))
            .groupBy(PersonNames.id(), PersonNames.fullName(), PersonNames.reading(), PersonNames.postalCode(), PersonNames.postalAddress(),
                PersonNames.sortKey())
            .orderBy(PersonNames.sortKey(), PersonNames.id())
            .fetch(r -> new DonorLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }

    /** Each organisation that gave donations (not fees) between {@code from} and {@code to}, in the order of their readings. */
    static List<DonorLine> organizationDonorList(TenantScope scope, LocalDate from, LocalDate to) {
        var total = sum(DONATIONS.AMOUNT).cast(Long.class);
        return scope.dsl().select(ORG.name(), ORG.nameKana(), ORG.postalCode(), ORG.postalAddress(), total, count(), min(DONATIONS.RECEIVED_ON),
                max(DONATIONS.RECEIVED_ON))
            .from(DONATIONS).join(ORG.table()).on(ORG.on(scope, DONATIONS.ORGANIZATION_ID))
            .where(scope.owns(DONATIONS), DONATIONS.KIND.eq("donation"), DONATIONS.RECEIVED_ON.between(from, to))
            .groupBy(ORG.id(), ORG.name(), ORG.nameKana(), ORG.postalCode(), ORG.postalAddress())
            .orderBy(ORG.nameKana(), ORG.id())
            .fetch(r -> new DonorLine(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7(), r.value8()));
    }
}
