package org.tomoni.platform.members.memberships;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.Columns;

import java.time.LocalDate;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/** Columns of memberships, their types and events. */
public final class MembershipsTable {
    public static final Table<Record> MEMBERSHIPS = table(name("memberships"));
    public static final Table<Record> TYPES = table(name("membership_types"));
    public static final Table<Record> EVENTS = table(name("membership_events"));
    public static final Field<UUID> M_TENANT_ID = Columns.TENANT_ID;
    public static final Field<UUID> PERSON_ID = field(name("person_id"), SQLDataType.UUID);
    public static final Field<UUID> ORGANIZATION_ID = field(name("organization_id"), SQLDataType.UUID);
    public static final Field<UUID> TYPE_ID = field(name("type_id"), SQLDataType.UUID);
    public static final Field<Integer> UNITS = field(name("units"), SQLDataType.INTEGER);
    public static final Field<LocalDate> STARTS_ON = field(name("starts_on"), SQLDataType.LOCALDATE);
    public static final Field<LocalDate> ENDS_ON = field(name("ends_on"), SQLDataType.LOCALDATE);
    public static final Field<String> STATUS = Columns.text("status");

    public static final Field<String> NAME = Columns.text("name");
    public static final Field<Long> FEE_YEN = field(name("fee_yen"), SQLDataType.BIGINT);
    public static final Field<String> PERIOD = Columns.text("period");
    public static final Field<Boolean> PER_UNIT = field(name("per_unit"), SQLDataType.BOOLEAN);
    public static final Field<String> MEMBER_KIND = Columns.text("member_kind");
    public static final Field<String> DESCRIPTION = Columns.text("description");

    public static final Field<UUID> MEMBERSHIP_ID = field(name("membership_id"), SQLDataType.UUID);
    public static final Field<java.time.OffsetDateTime> OCCURRED_AT = field(name("occurred_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    public static final Field<String> KIND = Columns.text("kind");
    public static final Field<String> DETAIL = Columns.text("detail");

    private MembershipsTable() {
    }
}
