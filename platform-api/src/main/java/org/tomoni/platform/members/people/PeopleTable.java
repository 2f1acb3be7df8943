package org.tomoni.platform.members.people;

import org.tomoni.platform.members.memberships.MembershipsTable;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.CREATED_AT;
import static org.tomoni.platform.shared.Columns.CREATED_BY;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.UPDATED_AT;
import static org.tomoni.platform.shared.Columns.UPDATED_BY;
import static org.tomoni.platform.shared.Columns.VERSION;
import static org.tomoni.platform.shared.Columns.text;

/** SQL of the people table. Every statement names tenant_id (RLS enforces it too). */
public final class PeopleTable {
    public static final Table<Record> PEOPLE = table(name("people"));
    public static final Field<Long> MEMBER_NUMBER = field(name("member_number"), SQLDataType.BIGINT);
    public static final Field<String> FAMILY_NAME = text("family_name");
    public static final Field<String> GIVEN_NAME = text("given_name");
    public static final Field<String> FAMILY_NAME_KANA = text("family_name_kana");
    public static final Field<String> GIVEN_NAME_KANA = text("given_name_kana");
    public static final Field<LocalDate> BIRTH_DATE = field(name("birth_date"), SQLDataType.LOCALDATE);
    public static final Field<String> EMAIL = text("email");
    public static final Field<String> PHONE = text("phone");
    public static final Field<String> POSTAL_CODE = text("postal_code");
    public static final Field<String> PREFECTURE = text("prefecture");
    public static final Field<String> CITY = text("city");
    public static final Field<String> ADDRESS_LINE1 = text("address_line1");
    public static final Field<String> ADDRESS_LINE2 = text("address_line2");
    public static final Field<String> NOTES = text("notes");
    public static final Field<UUID> BRANCH_ID = field(name("branch_id"), SQLDataType.UUID);
    public static final Field<Boolean> NEWSLETTER_CONSENT = field(name("newsletter_consent"), SQLDataType.BOOLEAN);
    public static final Field<Boolean> NO_POSTAL_MAIL = field(name("no_postal_mail"), SQLDataType.BOOLEAN);
    public static final Field<Boolean> NO_EMAIL = field(name("no_email"), SQLDataType.BOOLEAN);
    public static final Field<LocalDate> DECEASED_ON = field(name("deceased_on"), SQLDataType.LOCALDATE);
    public static final Field<Boolean> SENSITIVE = field(name("sensitive"), SQLDataType.BOOLEAN);
    public static final Field<UUID> MERGED_INTO = field(name("merged_into"), SQLDataType.UUID);
    public static final Field<String> SORT_KEY = text("sort_key");
    public static final Field<String> SEARCH_TEXT = text("search_text");
    public static final Field<OffsetDateTime> ARCHIVED_AT = field(name("archived_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    public static final List<Field<?>> VIEW_FIELDS = List.of(ID, MEMBER_NUMBER, FAMILY_NAME, GIVEN_NAME, FAMILY_NAME_KANA, GIVEN_NAME_KANA,
        BIRTH_DATE, EMAIL, PHONE, POSTAL_CODE, PREFECTURE, CITY, ADDRESS_LINE1, ADDRESS_LINE2, NOTES, BRANCH_ID, NEWSLETTER_CONSENT,
        NO_POSTAL_MAIL, NO_EMAIL, DECEASED_ON, SENSITIVE, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, VERSION);

    private PeopleTable() {
    }

    public static void insert(DSLContext dsl, UUID tenantId, UUID id, PersonData p, OffsetDateTime now, String by) {
        dsl.insertInto(PEOPLE)
            .set(TENANT_ID, tenantId).set(ID, id)
            .set(values(p))
            .set(CREATED_AT, now).set(CREATED_BY, by).set(UPDATED_AT, now).set(UPDATED_BY, by)
            .execute();
    }

    /** Updates when the version still matches; the number of rows changed (0 or 1). */
    public static int update(DSLContext dsl, UUID tenantId, UUID id, long expectedVersion, PersonData p, OffsetDateTime now, String by) {
        return dsl.update(PEOPLE)
            .set(values(p))
            .set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(id), VERSION.eq(expectedVersion), ARCHIVED_AT.isNull())
            .execute();
    }

    public static int archive(DSLContext dsl, UUID tenantId, UUID id, OffsetDateTime now, String by) {
        return dsl.update(PEOPLE)
            .set(ARCHIVED_AT, now).set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull())
            .execute();
    }

    /** An active person; sensitive ones only when {@code includeSensitive}. */
    public static Optional<PersonView> find(DSLContext dsl, UUID tenantId, UUID id, boolean includeSensitive) {
        Condition c = TENANT_ID.eq(tenantId).and(ID.eq(id)).and(ARCHIVED_AT.isNull());
        if (!includeSensitive) {
            c = c.and(SENSITIVE.isFalse());
        }
        return dsl.select(VIEW_FIELDS).from(PEOPLE).where(c).fetchOptional(PeopleTable::toView);
    }

    public static long count(DSLContext dsl, UUID tenantId, PeopleFilter filter, boolean includeSensitive) {
        return dsl.fetchCount(PEOPLE, listCondition(tenantId, filter, includeSensitive));
    }

    public static List<PersonView> page(DSLContext dsl, UUID tenantId, PeopleFilter filter, boolean includeSensitive, PageRequest page) {
        return dsl.select(VIEW_FIELDS).from(PEOPLE).where(listCondition(tenantId, filter, includeSensitive))
            .orderBy(SORT_KEY, ID).limit(page.size()).offset(page.offset())
            .fetch(PeopleTable::toView);
    }

    /** Active people of the tenant matching the filter, in a stable order, for exports. */
    public static org.jooq.Cursor<Record> cursor(DSLContext dsl, UUID tenantId, PeopleFilter filter, boolean includeSensitive) {
        return dsl.select(VIEW_FIELDS).from(PEOPLE).where(listCondition(tenantId, filter, includeSensitive))
            .orderBy(SORT_KEY, ID).fetchSize(1000).fetchLazy();
    }

    public static Condition listCondition(UUID tenantId, PeopleFilter filter, boolean includeSensitive) {
        Condition c = TENANT_ID.eq(tenantId).and(ARCHIVED_AT.isNull());
        if (!includeSensitive) {
            c = c.and(SENSITIVE.isFalse());
        }
        c = c.and(queryCondition(filter.q()));
        if (filter.branchId() != null) {
            c = c.and(BRANCH_ID.eq(filter.branchId()));
        }
        if (filter.newsletterConsent() != null) {
            c = c.and(NEWSLETTER_CONSENT.eq(filter.newsletterConsent()));
        }
        if (filter.noPostalMail() != null) {
            c = c.and(NO_POSTAL_MAIL.eq(filter.noPostalMail()));
        }
        if (filter.noEmail() != null) {
            c = c.and(NO_EMAIL.eq(filter.noEmail()));
        }
        if (filter.deceased() != null) {
            c = c.and(filter.deceased() ? DECEASED_ON.isNotNull() : DECEASED_ON.isNull());
        }
        if (filter.membershipStatus() != null) {
            c = c.and(DSL.exists(DSL.selectOne().from(MembershipsTable.MEMBERSHIPS).where(
                MembershipsTable.M_TENANT_ID.eq(tenantId),
                MembershipsTable.PERSON_ID.eq(org.tomoni.platform.shared.Columns.qualified(PEOPLE, ID)),
                MembershipsTable.STATUS.eq(filter.membershipStatus()))));
        }
        return c;
    }

    /** A query matches names, readings (any kana form), e-mail, phone digits or #member number. */
    public static Condition queryCondition(String query) {
        String q = JapaneseText.searchForm(query);
        if (q.isEmpty()) {
            return DSL.noCondition();
        }
        Condition match = SEARCH_TEXT.contains(q);
        String digits = JapaneseText.digits(query);
        if (digits != null && digits.length() >= 3 && !digits.equals(q)) {
            match = match.or(SEARCH_TEXT.contains(digits));
        }
        String plain = JapaneseText.fold(query).replace("#", "");
        if (plain.matches("\\d{1,12}")) {
            match = match.or(MEMBER_NUMBER.eq(Long.parseLong(plain)));
        }
        return match;
    }

    public static Map<Field<?>, Object> values(PersonData p) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(MEMBER_NUMBER, p.memberNumber());
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
        v.put(BRANCH_ID, p.branchId());
        v.put(NEWSLETTER_CONSENT, p.newsletterConsent());
        v.put(NO_POSTAL_MAIL, p.noPostalMail());
        v.put(NO_EMAIL, p.noEmail());
        v.put(DECEASED_ON, p.deceasedOn());
        v.put(SENSITIVE, p.sensitive());
        v.put(SORT_KEY, p.sortKey());
        v.put(SEARCH_TEXT, p.searchText());
        return v;
    }

    public static PersonView toView(Record r) {
        return new PersonView(r.get(ID), r.get(MEMBER_NUMBER), r.get(FAMILY_NAME), r.get(GIVEN_NAME), r.get(FAMILY_NAME_KANA),
            r.get(GIVEN_NAME_KANA), r.get(BIRTH_DATE), r.get(EMAIL), r.get(PHONE), r.get(POSTAL_CODE), r.get(PREFECTURE), r.get(CITY),
            r.get(ADDRESS_LINE1), r.get(ADDRESS_LINE2), r.get(NOTES), r.get(BRANCH_ID), r.get(NEWSLETTER_CONSENT), r.get(NO_POSTAL_MAIL),
            r.get(NO_EMAIL), r.get(DECEASED_ON), r.get(SENSITIVE), r.get(CREATED_AT), r.get(CREATED_BY), r.get(UPDATED_AT),
            r.get(UPDATED_BY), r.get(VERSION), null, null, null, null);
    }

    /** Back to the request shape, e.g. to merge or to apply a partial change. */
    public static PersonData toData(PersonView v) {
        return new PersonData(v.familyName(), v.givenName(), v.familyNameKana(), v.givenNameKana(), v.birthDate(), v.email(), v.phone(),
            v.postalCode(), v.prefecture(), v.city(), v.addressLine1(), v.addressLine2(), v.notes(), v.memberNumber(), v.branchId(),
            v.newsletterConsent(), v.noPostalMail(), v.noEmail(), v.deceasedOn(), v.sensitive());
    }
}
