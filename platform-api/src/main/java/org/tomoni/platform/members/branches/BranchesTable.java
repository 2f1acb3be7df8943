package org.tomoni.platform.members.branches;

import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.time.OffsetDateTime;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.text;

/** Columns of branches (支部). */
public final class BranchesTable {
    public static final Table<Record> BRANCHES = table(name("branches"));
    public static final Field<String> NAME = text("name");
    public static final Field<String> NAME_KANA = text("name_kana");
    public static final Field<String> NOTES = text("notes");
    public static final Field<OffsetDateTime> ARCHIVED_AT = field(name("archived_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private BranchesTable() {
    }
}
