package org.tomoni.platform.giving;

import org.tomoni.platform.persistence.TenantScope;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The donor's postal details a receipt and the 寄附者名簿 print: name, reading, postal code and address, read from the
 * people table. TODO(issue 11): members.people publishes only names ({@code PersonNames}); once it publishes the
 * postal fields (or an addressee join), these two queries move into DonationRepository/ReceiptRepository and this
 * class goes, with its entry in PersistenceArchitectureTest.NOT_YET_GIVING.
 */
final class DonorAddresses {
    private DonorAddresses() {
    }

    /** Who a receipt is addressed to. */
    record Addressee(String name, String postalCode, String address) {
    }

    /** A line of the donor list: the donor's postal details and their donations of the period. */
    record DonorLine(String name, String reading, String postalCode, String address, long total, long count, LocalDate first,
                     LocalDate last) {
    }

    static Addressee addressee(TenantScope scope, UUID personId) {
        var p = scope.dsl().resultQuery("""
            select family_name || ' ' || given_name, postal_code, concat_ws('', prefecture, city, address_line1, ' ' || address_line2)
            from people where tenant_id = cast(? as uuid) and id = cast(? as uuid)
            """, scope.tenantId().toString(), personId.toString()).fetchOne();
        return new Addressee(p.get(0, String.class), p.get(1, String.class), p.get(2, String.class));
    }

    /** Each donor of donations (not fees) received between {@code from} and {@code to}, in the order of their readings. */
    static List<DonorLine> donorList(TenantScope scope, LocalDate from, LocalDate to) {
        return scope.dsl().resultQuery("""
            select p.family_name || ' ' || p.given_name, p.family_name_kana || ' ' || p.given_name_kana, p.postal_code,
                   concat_ws('', p.prefecture, p.city, p.address_line1, ' ' || p.address_line2), sum(d.amount), count(*),
                   min(d.received_on), max(d.received_on)
            from donations d join people p on p.tenant_id = d.tenant_id and p.id = d.person_id
            where d.tenant_id = cast(? as uuid) and d.kind = 'donation' and d.received_on between cast(? as date) and cast(? as date)
            group by p.id, p.family_name, p.given_name, p.family_name_kana, p.given_name_kana, p.postal_code, p.prefecture, p.city,
                     p.address_line1, p.address_line2, p.sort_key
            order by p.sort_key, p.id
            """, scope.tenantId().toString(), from.toString(), to.toString())
            .fetch(r -> new DonorLine(r.get(0, String.class), r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                r.get(4, Long.class), r.get(5, Long.class), r.get(6, LocalDate.class), r.get(7, LocalDate.class)));
    }
}
