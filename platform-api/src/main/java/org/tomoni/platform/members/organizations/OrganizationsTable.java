package org.tomoni.platform.members.organizations;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.JapaneseText;
import org.tomoni.platform.shared.PageRequest;

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

/** SQL of organisations; every statement names tenant_id. */
public final class OrganizationsTable {
    public static final Table<Record> ORGANIZATIONS = table(name("organizations"));
    public static final Field<Long> MEMBER_NUMBER = field(name("member_number"), SQLDataType.BIGINT);
    public static final Field<String> NAME = text("name");
    public static final Field<String> NAME_KANA = text("name_kana");
    public static final Field<String> KIND = text("kind");
    public static final Field<String> EMAIL = text("email");
    public static final Field<String> PHONE = text("phone");
    public static final Field<String> WEBSITE = text("website");
    public static final Field<String> POSTAL_CODE = text("postal_code");
    public static final Field<String> PREFECTURE = text("prefecture");
    public static final Field<String> CITY = text("city");
    public static final Field<String> ADDRESS_LINE1 = text("address_line1");
    public static final Field<String> ADDRESS_LINE2 = text("address_line2");
    public static final Field<String> NOTES = text("notes");
    public static final Field<UUID> BRANCH_ID = field(name("branch_id"), SQLDataType.UUID);
    public static final Field<String> SORT_KEY = text("sort_key");
    public static final Field<String> SEARCH_TEXT = text("search_text");
    public static final Field<OffsetDateTime> ARCHIVED_AT = field(name("archived_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    public static final List<Field<?>> VIEW_FIELDS = List.of(ID, MEMBER_NUMBER, NAME, NAME_KANA, KIND, EMAIL, PHONE, WEBSITE, POSTAL_CODE,
        PREFECTURE, CITY, ADDRESS_LINE1, ADDRESS_LINE2, NOTES, BRANCH_ID, CREATED_AT, CREATED_BY, UPDATED_AT, UPDATED_BY, VERSION);

    /** Validated organisation fields. */
    public record Data(String name, String nameKana, OrganizationKind kind, String email, String phone, String website, String postalCode,
                String prefecture, String city, String addressLine1, String addressLine2, String notes, Long memberNumber,
                UUID branchId) {
    }

    private OrganizationsTable() {
    }

    public static void insert(DSLContext dsl, UUID tenantId, UUID id, Data d, OffsetDateTime now, String by) {
        dsl.insertInto(ORGANIZATIONS).set(TENANT_ID, tenantId).set(ID, id).set(values(d))
            .set(CREATED_AT, now).set(CREATED_BY, by).set(UPDATED_AT, now).set(UPDATED_BY, by).execute();
    }

    public static int update(DSLContext dsl, UUID tenantId, UUID id, long expectedVersion, Data d, OffsetDateTime now, String by) {
        return dsl.update(ORGANIZATIONS).set(values(d)).set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(id), VERSION.eq(expectedVersion), ARCHIVED_AT.isNull()).execute();
    }

    public static int archive(DSLContext dsl, UUID tenantId, UUID id, OffsetDateTime now, String by) {
        return dsl.update(ORGANIZATIONS).set(ARCHIVED_AT, now).set(UPDATED_AT, now).set(UPDATED_BY, by).set(VERSION, VERSION.plus(1))
            .where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull()).execute();
    }

    public static Optional<OrganizationView> find(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.select(VIEW_FIELDS).from(ORGANIZATIONS).where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull())
            .fetchOptional(OrganizationsTable::toView);
    }

    public static Condition listCondition(UUID tenantId, String query, UUID branchId, String kind) {
        Condition c = TENANT_ID.eq(tenantId).and(ARCHIVED_AT.isNull());
        String q = JapaneseText.searchForm(query);
        if (!q.isEmpty()) {
            c = c.and(SEARCH_TEXT.contains(q));
        }
        if (branchId != null) {
            c = c.and(BRANCH_ID.eq(branchId));
        }
        if (kind != null) {
            c = c.and(KIND.eq(kind));
        }
        return c;
    }

    public static List<OrganizationView> page(DSLContext dsl, Condition c, PageRequest page) {
        return dsl.select(VIEW_FIELDS).from(ORGANIZATIONS).where(c).orderBy(SORT_KEY, ID).limit(page.size()).offset(page.offset())
            .fetch(OrganizationsTable::toView);
    }

    public static org.jooq.Cursor<Record> cursor(DSLContext dsl, Condition c) {
        return dsl.select(VIEW_FIELDS).from(ORGANIZATIONS).where(c).orderBy(SORT_KEY, ID).fetchSize(1000).fetchLazy();
    }

    private static Map<Field<?>, Object> values(Data d) {
        Map<Field<?>, Object> v = new LinkedHashMap<>();
        v.put(MEMBER_NUMBER, d.memberNumber());
        v.put(NAME, d.name());
        v.put(NAME_KANA, d.nameKana());
        v.put(KIND, d.kind().code());
        v.put(EMAIL, d.email());
        v.put(PHONE, d.phone());
        v.put(WEBSITE, d.website());
        v.put(POSTAL_CODE, d.postalCode());
        v.put(PREFECTURE, d.prefecture());
        v.put(CITY, d.city());
        v.put(ADDRESS_LINE1, d.addressLine1());
        v.put(ADDRESS_LINE2, d.addressLine2());
        v.put(NOTES, d.notes());
        v.put(BRANCH_ID, d.branchId());
        v.put(SORT_KEY, JapaneseText.sortKey(d.nameKana(), ""));
        v.put(SEARCH_TEXT, String.join("\n", JapaneseText.searchForm(d.name()), JapaneseText.searchForm(d.nameKana()),
            d.email() == null ? "" : d.email(), d.phone() == null ? "" : d.phone()));
        return v;
    }

    public static OrganizationView toView(Record r) {
        return new OrganizationView(r.get(ID), r.get(MEMBER_NUMBER), r.get(NAME), r.get(NAME_KANA), r.get(KIND), r.get(EMAIL), r.get(PHONE),
            r.get(WEBSITE), r.get(POSTAL_CODE), r.get(PREFECTURE), r.get(CITY), r.get(ADDRESS_LINE1), r.get(ADDRESS_LINE2), r.get(NOTES),
            r.get(BRANCH_ID), r.get(CREATED_AT), r.get(CREATED_BY), r.get(UPDATED_AT), r.get(UPDATED_BY), r.get(VERSION), null, null);
    }

    public static Condition exists(UUID tenantId, UUID id) {
        return DSL.exists(DSL.selectOne().from(ORGANIZATIONS).where(TENANT_ID.eq(tenantId), ID.eq(id), ARCHIVED_AT.isNull()));
    }
}
