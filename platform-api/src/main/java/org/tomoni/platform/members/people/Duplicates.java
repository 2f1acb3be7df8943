package org.tomoni.platform.members.people;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.tomoni.platform.shared.PageRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.tomoni.platform.members.people.PeopleTable.ARCHIVED_AT;
import static org.tomoni.platform.members.people.PeopleTable.BIRTH_DATE;
import static org.tomoni.platform.members.people.PeopleTable.EMAIL;
import static org.tomoni.platform.members.people.PeopleTable.FAMILY_NAME;
import static org.tomoni.platform.members.people.PeopleTable.FAMILY_NAME_KANA;
import static org.tomoni.platform.members.people.PeopleTable.GIVEN_NAME;
import static org.tomoni.platform.members.people.PeopleTable.GIVEN_NAME_KANA;
import static org.tomoni.platform.members.people.PeopleTable.PEOPLE;
import static org.tomoni.platform.members.people.PeopleTable.PHONE;
import static org.tomoni.platform.members.people.PeopleTable.SENSITIVE;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;

/**
 * Likely duplicates: the same reading and birth date, the same e-mail, or the same phone.
 * Reported on create and import; listed in pairs for staff to review and merge.
 */
final class Duplicates {
    static final String SAME_READING_AND_BIRTH_DATE = "same_reading_and_birth_date";
    static final String SAME_EMAIL = "same_email";
    static final String SAME_PHONE = "same_phone";

    private Duplicates() {
    }

    static List<DuplicateCandidate> candidates(DSLContext dsl, UUID tenantId, PersonData p, UUID self, boolean includeSensitive) {
        Condition match = DSL.falseCondition();
        if (p.birthDate() != null) {
            match = match.or(FAMILY_NAME_KANA.eq(p.familyNameKana()).and(GIVEN_NAME_KANA.eq(p.givenNameKana())).and(BIRTH_DATE.eq(p.birthDate())));
        }
        if (p.email() != null) {
            match = match.or(EMAIL.eq(p.email()));
        }
        if (p.phone() != null) {
            match = match.or(PHONE.eq(p.phone()));
        }
        Condition c = TENANT_ID.eq(tenantId).and(ARCHIVED_AT.isNull()).and(match);
        if (self != null) {
            c = c.and(ID.ne(self));
        }
        if (!includeSensitive) {
            c = c.and(SENSITIVE.isFalse());
        }
        return dsl.select(ID, FAMILY_NAME, GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA, BIRTH_DATE, EMAIL, PHONE).from(PEOPLE).where(c)
            .orderBy(ID).limit(20)
            .fetch(r -> new DuplicateCandidate(r.get(ID), r.get(FAMILY_NAME) + " " + r.get(GIVEN_NAME),
                r.get(FAMILY_NAME_KANA) + " " + r.get(GIVEN_NAME_KANA), reasons(p, r)));
    }

    private static List<String> reasons(PersonData p, Record r) {
        List<String> reasons = new ArrayList<>();
        if (p.birthDate() != null && p.birthDate().equals(r.get(BIRTH_DATE)) && p.familyNameKana().equals(r.get(FAMILY_NAME_KANA))
            && p.givenNameKana().equals(r.get(GIVEN_NAME_KANA))) {
            reasons.add(SAME_READING_AND_BIRTH_DATE);
        }
        if (p.email() != null && p.email().equals(r.get(EMAIL))) {
            reasons.add(SAME_EMAIL);
        }
        if (p.phone() != null && p.phone().equals(r.get(PHONE))) {
            reasons.add(SAME_PHONE);
        }
        return reasons;
    }

    /** Every likely-duplicate pair of the tenant, each once (first id < second id). */
    static List<DuplicatePair> pairs(DSLContext dsl, UUID tenantId, boolean includeSensitive, PageRequest page) {
        Table<Record> a = PEOPLE.as("a");
        Table<Record> b = PEOPLE.as("b");
        Map<List<UUID>, DuplicatePair> pairs = new LinkedHashMap<>();
        addDuplicatePairs(dsl, tenantId, a, b, includeSensitive, SAME_READING_AND_BIRTH_DATE,
            f(a, FAMILY_NAME_KANA).eq(f(b, FAMILY_NAME_KANA)).and(f(a, GIVEN_NAME_KANA).eq(f(b, GIVEN_NAME_KANA)))
                .and(f(a, BIRTH_DATE).eq(f(b, BIRTH_DATE))), pairs);
        addDuplicatePairs(dsl, tenantId, a, b, includeSensitive, SAME_EMAIL, f(a, EMAIL).eq(f(b, EMAIL)), pairs);
        addDuplicatePairs(dsl, tenantId, a, b, includeSensitive, SAME_PHONE, f(a, PHONE).eq(f(b, PHONE)), pairs);
        return pairs.values().stream().skip(page.offset()).limit(page.size()).toList();
    }

    private static void addDuplicatePairs(DSLContext dsl, UUID tenantId, Table<Record> a, Table<Record> b, boolean includeSensitive, String reason,
                                 Condition same, Map<List<UUID>, DuplicatePair> pairs) {
        Condition c = f(a, TENANT_ID).eq(tenantId).and(f(b, TENANT_ID).eq(tenantId)).and(f(a, ID).lt(f(b, ID))).and(same)
            .and(f(a, ARCHIVED_AT).isNull()).and(f(b, ARCHIVED_AT).isNull());
        if (!includeSensitive) {
            c = c.and(f(a, SENSITIVE).isFalse()).and(f(b, SENSITIVE).isFalse());
        }
        dsl.select(f(a, ID), f(a, FAMILY_NAME), f(a, GIVEN_NAME), f(a, FAMILY_NAME_KANA), f(a, GIVEN_NAME_KANA),
                f(b, ID), f(b, FAMILY_NAME), f(b, GIVEN_NAME), f(b, FAMILY_NAME_KANA), f(b, GIVEN_NAME_KANA))
            .from(a).join(b).on(c).orderBy(f(a, ID), f(b, ID)).limit(1000)
            .forEach(r -> {
                List<UUID> key = List.of(r.value1(), r.value6());
                DuplicatePair existing = pairs.get(key);
                if (existing != null) {
                    List<String> reasons = new ArrayList<>(existing.reasons());
                    reasons.add(reason);
                    pairs.put(key, new DuplicatePair(existing.first(), existing.second(), reasons));
                } else {
                    pairs.put(key, new DuplicatePair(
                        new DuplicateCandidate(r.value1(), r.value2() + " " + r.value3(), r.value4() + " " + r.value5(), List.of()),
                        new DuplicateCandidate(r.value6(), r.value7() + " " + r.value8(), r.value9() + " " + r.value10(), List.of()),
                        List.of(reason)));
                }
            });
    }

    private static <T> org.jooq.Field<T> f(Table<Record> t, org.jooq.Field<T> field) {
        return org.tomoni.platform.shared.Columns.qualified(t, field);
    }
}
