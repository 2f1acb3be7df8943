package org.tomoni.platform.members;

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
final class BranchesTable {
    static final Table<Record> BRANCHES = table(name("branches"));
    static final Field<String> NAME = text("name");
    static final Field<String> NAME_KANA = text("name_kana");
    static final Field<String> NOTES = text("notes");
    static final Field<OffsetDateTime> ARCHIVED_AT = field(name("archived_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private BranchesTable() {
    }
}
