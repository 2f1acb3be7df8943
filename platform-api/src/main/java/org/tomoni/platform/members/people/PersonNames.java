package org.tomoni.platform.members.people;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.JapaneseText;

import java.util.UUID;

/**
 * The join other packages' lists and documents use to show a person by name and postal address (giving's donors, gifts, donations,
 * debit batches; members' links and memberships) without naming the people table (README, "How
 * to add a table": a published join).
 * <pre>{@code
 * select(..., PersonNames.familyName(), PersonNames.givenName(), PersonNames.sensitive())
 *     .from(GIFTS).join(PersonNames.table()).on(PersonNames.on(scope, GIFTS.PERSON_ID))
 * }</pre>
 * A query that joins people twice takes a second {@link #alias}. A sensitive person's name must
 * not be shown to whom the access policy does not let see them; lists show a placeholder instead
 * ({@link #sensitive()}).
 */
public final class PersonNames {
    private static final Alias DEFAULT = alias("person_names");

    private PersonNames() {
    }

    /** The people rows, under an alias of their own. */
    public static Table<?> table() {
        return DEFAULT.table();
    }

    /** Joins the person {@code personId} of the scope's tenant. */
    public static Condition on(TenantScope scope, Field<UUID> personId) {
        return DEFAULT.on(scope, personId);
    }

    public static Field<UUID> id() {
        return DEFAULT.id();
    }

    public static Field<String> familyName() {
        return DEFAULT.familyName();
    }

    public static Field<String> givenName() {
        return DEFAULT.givenName();
    }

    /** Family and given name with a space, as lists show them. */
    public static Field<String> fullName() {
        return DEFAULT.fullName();
    }

    /** The reading (gojuon order) to sort by. */
    public static Field<String> sortKey() {
        return DEFAULT.sortKey();
    }

    public static Field<String> email() {
        return DEFAULT.email();
    }

    /** True for a person whose name only roles that see sensitive people may read. */
    public static Field<Boolean> sensitive() {
        return DEFAULT.sensitive();
    }

    /** Family and given readings with a space (receipts, the donor list). */
    public static Field<String> reading() {
        return DEFAULT.reading();
    }

    public static Field<String> postalCode() {
        return DEFAULT.postalCode();
    }

    /** The postal address on one line, as an envelope or a receipt prints it. */
    public static Field<String> postalAddress() {
        return DEFAULT.postalAddress();
    }

    /** The same columns under another alias, for a second join of people in one query. */
    public static Alias alias(String name) {
        return new Alias(PeopleRepository.names(name));
    }

    /** One join of people: its table, join condition and columns. */
    public static final class Alias {
        private final PeopleRepository.NameFields f;

        private Alias(PeopleRepository.NameFields f) {
            this.f = f;
        }

        public Table<?> table() {
            return f.table();
        }

        public Condition on(TenantScope scope, Field<UUID> personId) {
            return f.tenantId().eq(scope.tenantId()).and(f.id().eq(personId));
        }

        public Field<UUID> id() {
            return f.id();
        }

        public Field<String> familyName() {
            return f.familyName();
        }

        public Field<String> givenName() {
            return f.givenName();
        }

        public Field<String> fullName() {
            return f.fullName();
        }

        public Field<String> sortKey() {
            return f.sortKey();
        }

        public Field<String> email() {
            return f.email();
        }

        public Field<Boolean> sensitive() {
            return f.sensitive();
        }

        public Field<Long> memberNumber() {
            return f.memberNumber();
        }

        public Field<String> reading() {
            return f.reading();
        }

        public Field<String> postalCode() {
            return f.postalCode();
        }

        public Field<String> postalAddress() {
            return f.postalAddress();
        }

        /** The person matches a search text (names, readings, e-mail, phone), as the people list searches. */
        public Condition matches(String query) {
            return f.searchText().contains(JapaneseText.searchForm(query));
        }
    }
}
