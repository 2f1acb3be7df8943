package org.tomoni.platform.giving;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.util.UUID;

import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;

/** A donor's name and e-mail, read from members for mails and receipts. */
final class Donors {
    private Donors() {
    }

    record Contact(String name, String email) {
    }

    static Contact contact(DSLContext dsl, UUID tenantId, UUID personId) {
        Record r = dsl.select(GivingTables.FAMILY_NAME, GivingTables.GIVEN_NAME, GivingTables.EMAIL).from(GivingTables.PEOPLE)
            .where(TENANT_ID.eq(tenantId), ID.eq(personId)).fetchOne();
        return r == null ? new Contact("", null)
            : new Contact(r.get(GivingTables.FAMILY_NAME) + " " + r.get(GivingTables.GIVEN_NAME), r.get(GivingTables.EMAIL));
    }
}
