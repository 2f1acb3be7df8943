package org.tomoni.platform.members;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;
/** SQL of the people table. Every statement names tenant_id (RLS enforces it too). */
final class PeopleTable {
    static final Table<Record> PEOPLE = table(name("people"));
    static final Field<String> FAMILY_NAME = text("family_name");
    static final Field<String> GIVEN_NAME = text("given_name");
    static final Field<String> FAMILY_NAME_KANA = text("family_name_kana");
    static final Field<String> GIVEN_NAME_KANA = text("given_name_kana");
    static final Field<LocalDate> BIRTH_DATE = field(name("birth_date"), SQLDataType.LOCALDATE);
    static final Field<String> EMAIL = text("email");
    static final Field<String> PHONE = text("phone");
    static final Field<String> POSTAL_CODE = text("postal_code");
    static final Field<String> PREFECTURE = text("prefecture");
    static final Field<String> CITY = text("city");
    static final Field<String> ADDRESS_LINE1 = text("address_line1");
    static final Field<String> ADDRESS_LINE2 = text("address_line2");
    static final Field<String> NOTES = text("notes");
    static final Field<String> SORT_KEY = text("sort_key");
    static final Field<String> SEARCH_TEXT = text("search_text");
    static final Field<OffsetDateTime> ARCHIVED_AT = field(name("archived_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private static final List<Field<?>> VIEW_FIELDS = List.of(ID, FAMILY_NAME, GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA,
        BIRTH_DATE, EMAIL, PHONE, POSTAL_CODE, PREFECTURE, CITY, ADDRESS_LINE1, ADDRESS_LINE2, NOTES,
        CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, VERSION);

    private PeopleTable() {
    }

    private static Field<String> text(String column) {
        return field(name(column), SQLDataType.CLOB);
    }

    static void insert(DSLContext dsl, UUID tenantId, UUID id, PersonData p, OffsetDateTime now, String by) {
        dsl.insertInto(PEOPLE)
            .set(TENANT_ID, tenantId).set(ID, id)
            .set(values(p))
            .set(CREATED_AT, now).set(CREATED_BY, by).set(UPDATED_AT, now).set(UPDATED_BY, by)
            .execute();
    }

    /** Updates when the version still matches; the number of rows changed (0 or 1). */
    static int update(DSLContext dsl, UUID tenantId, UUID id, long expectedVersion, PersonData p, OffsetDateTime now, String by) {
        return dsl.update(PEOPLE)
            .set(values(p))
            .set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(id), VERSION.eq(expectedVersion), ARCHIVED_AT.isNull())
            .execute();
    }

    static int archive(DSLContext dsl, UUID tenantId, UUID id, OffsetDateTime now, String by) {
        return dsl.update(PEOPLE)
            .set(ARCHIVED_AT, now).set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull())
            .execute();
    }

    static Optional<PersonView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.select(VIEW_FIELDS).from(PEOPLE).where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull())
            .fetchOptional(PeopleTable::toView);
    }

    static long count(DSLContext dsl, UUID tenantId, String query) {
        return dsl.fetchCount(PEOPLE, listCondition(tenantId, query));
    }

    static List<PersonView> page(DSLContext dsl, UUID tenantId, String query, PageRequest page) {
        return dsl.select(VIEW_FIELDS).from(PEOPLE).where(listCondition(tenantId, query))
            .orderBy(SORT_KEY, ID).limit(page.size()).offset(page.offset())
            .fetch(PeopleTable::toView);
    }

    /** Active people of the tenant; a query matches names, readings, e-mail or phone digits. */
    static Condition listCondition(UUID tenantId, String query) {
        Condition c = TENANT_ID.eq(tenantId).and(ARCHIVED_AT.isNull());
        String q = JapaneseText.searchForm(query);
        if (q.isEmpty()) {
            return c;
        }
        Condition match = SEARCH_TEXT.contains(q);
        String digits = JapaneseText.digits(query);
        if (digits != null && digits.length() >= 3 && !digits.equals(q)) {
            match = match.or(SEARCH_TEXT.contains(digits));
        }
        return c.and(match);
    }

    private static java.util.Map<Field<?>, Object> values(PersonData p) {
        java.util.Map<Field<?>, Object> v = new java.util.LinkedHashMap<>();
        v.put(FAMILY_NAME, p.familyName());
        v.put(GIVEN_NAME, p.givenName());
        v.put(FAMILY_NAME_KANA, p.familyNameKana());
        v.put(GIVEN_NAME_KANA, p.givenNameKana());
        v.put(BIRTH_DATE, p.birthDate());
        v.put(EMAIL, p.email());
        v.put(PHONE, p.phone());
        v.put(POSTAL_CODE, p.postalCode());
        v.put(PREFECTURE, p.prefecture());
        v.put(CITY, p.city());
        v.put(ADDRESS_LINE1, p.addressLine1());
        v.put(ADDRESS_LINE2, p.addressLine2());
        v.put(NOTES, p.notes());
        v.put(SORT_KEY, p.sortKey());
        v.put(SEARCH_TEXT, p.searchText());
        return v;
    }

    private static PersonView toView(Record r) {
        return new PersonView(r.get(ID), r.get(FAMILY_NAME), r.get(GIVEN_NAME), r.get(FAMILY_NAME_KANA), r.get(GIVEN_NAME_KANA),
            r.get(BIRTH_DATE), r.get(EMAIL), r.get(PHONE), r.get(POSTAL_CODE), r.get(PREFECTURE), r.get(CITY),
            r.get(ADDRESS_LINE1), r.get(ADDRESS_LINE2), r.get(NOTES), r.get(CREATED_AT), r.get(CREATED_BY),
            r.get(UPDATED_AT), r.get(UPDATED_BY), r.get(VERSION));
    }
}
