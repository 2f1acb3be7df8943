package org.tomoni.platform.members.people;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.People;

import java.util.UUID;

import static org.tomoni.platform.schema.Tables.PEOPLE;

/** The people aggregate: one row per person; the scope stamps tenant and audit columns. */
final class PeopleRepository {
    /** The people table as other packages' joins see it (PersonNames), typed as plain jOOQ so callers never name the table. */
    private static final People NAMES = PEOPLE.as("person_names");
    static final Field<UUID> NAMES_ID = NAMES.ID;
    static final Field<String> NAMES_FAMILY_NAME = NAMES.FAMILY_NAME;
    static final Field<String> NAMES_GIVEN_NAME = NAMES.GIVEN_NAME;
    static final Field<String> NAMES_FULL_NAME = fullName(NAMES);
    static final Field<String> NAMES_SORT_KEY = NAMES.SORT_KEY;
    static final Field<String> NAMES_EMAIL = NAMES.EMAIL;
    static final Field<Boolean> NAMES_SENSITIVE = NAMES.SENSITIVE;

    private PeopleRepository() {
    }

    static Table<?> namesTable() {
        return NAMES;
    }

    static Condition namesOn(TenantScope scope, Field<UUID> personId) {
        return NAMES.TENANT_ID.eq(scope.tenantId()).and(NAMES.ID.eq(personId));
    }

    static Field<String> fullName(People p) {
        return DSL.concat(p.FAMILY_NAME, DSL.inline(" "), p.GIVEN_NAME);
    }
}
