package org.tomoni.platform.shared;

import org.jooq.Field;
import org.jooq.impl.SQLDataType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

/** The columns every table shares (tenant, audit and version), declared once for jOOQ. */
public final class Columns {
    public static final Field<UUID> TENANT_ID = field(name("tenant_id"), SQLDataType.UUID);
    public static final Field<UUID> ID = field(name("id"), SQLDataType.UUID);
    public static final Field<OffsetDateTime> CREATED_AT = field(name("created_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    public static final Field<String> CREATED_BY = field(name("created_by"), SQLDataType.CLOB);
    public static final Field<OffsetDateTime> UPDATED_AT = field(name("updated_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    public static final Field<String> UPDATED_BY = field(name("updated_by"), SQLDataType.CLOB);
    public static final Field<Long> VERSION = field(name("version"), SQLDataType.BIGINT);

    private Columns() {
    }

    public static Field<String> text(String column) {
        return field(name(column), SQLDataType.CLOB);
    }

    /** A column of an aliased table: {@code alias.column}. */
    public static <T> Field<T> qualified(org.jooq.Table<?> table, Field<T> column) {
        return field(name(table.getName(), column.getName()), column.getDataType());
    }

    /** Now, as stored in timestamptz columns. */
    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
