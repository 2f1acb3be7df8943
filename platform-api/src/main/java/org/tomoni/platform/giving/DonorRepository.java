package org.tomoni.platform.giving;

import org.jooq.impl.DSL;
import org.tomoni.platform.members.people.PersonNames;
import org.tomoni.platform.persistence.TenantScope;

import java.util.UUID;

/** A donor's name and e-mail, through the join members.people publishes ({@link PersonNames}); giving owns no people. */
final class DonorRepository {
    private DonorRepository() {
    }

    static Donors.Contact contact(TenantScope scope, UUID personId) {
        var r = scope.dsl().select(PersonNames.familyName(), PersonNames.givenName(), PersonNames.email()).from(PersonNames.table())
            .where(PersonNames.on(scope, DSL.val(personId))).fetchOne();
        return r == null ? new Donors.Contact("", null) : new Donors.Contact(r.value1() + " " + r.value2(), r.value3());
    }
}
