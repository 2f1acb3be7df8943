package org.tomoni.platform.members.people;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.tomoni.platform.persistence.TenantScope;

import java.util.UUID;

/**
 * The join other packages' lists use to show a person by name (giving's donors, gifts, donations,
 * debit batches) without naming the people table (README, "How to add a table": a published join).
 * <pre>{@code
 * select(..., PersonNames.familyName(), PersonNames.givenName(), PersonNames.sensitive())
 *     .from(GIFTS).join(PersonNames.table()).on(PersonNames.on(scope, GIFTS.PERSON_ID))
 * }</pre>
 * A sensitive person's name must not be shown to whom the access policy does not let see them;
 * lists show a placeholder instead ({@link #sensitive()}).
 */
public final class PersonNames {
    private PersonNames() {
    }

    /** The people rows, under an alias of their own. */
    public static Table<?> table() {
        return PeopleRepository.namesTable();
    }

    /** Joins the person {@code personId} of the scope's tenant. */
    public static Condition on(TenantScope scope, Field<UUID> personId) {
        return PeopleRepository.namesOn(scope, personId);
    }

    public static Field<UUID> id() {
        return PeopleRepository.NAMES_ID;
    }

    public static Field<String> familyName() {
        return PeopleRepository.NAMES_FAMILY_NAME;
    }

    public static Field<String> givenName() {
        return PeopleRepository.NAMES_GIVEN_NAME;
    }

    /** Family and given name with a space, as lists show them. */
    public static Field<String> fullName() {
        return PeopleRepository.NAMES_FULL_NAME;
    }

    /** The reading (gojuon order, as typed in kana) to sort by. */
    public static Field<String> sortKey() {
        return PeopleRepository.NAMES_SORT_KEY;
    }

    public static Field<String> email() {
        return PeopleRepository.NAMES_EMAIL;
    }

    /** True for a person whose name only roles that see sensitive people may read. */
    public static Field<Boolean> sensitive() {
        return PeopleRepository.NAMES_SENSITIVE;
    }
}
