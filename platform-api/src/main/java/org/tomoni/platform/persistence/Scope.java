package org.tomoni.platform.persistence;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertSetMoreStep;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a repository works in: one transaction, who is acting and the clock. Inserts and updates
 * made through it stamp the audit columns ({@code created_at/by}, {@code updated_at/by}) and bump
 * {@code version} wherever the table has them, so no repository stamps them by hand and none can
 * forget to. {@link TenantScope} adds the tenant.
 */
public abstract sealed class Scope permits TenantScope, PlatformScope {
    private final DSLContext dsl;
    private final String by;
    private final Clock clock;

    Scope(DSLContext dsl, String by, Clock clock) {
        this.dsl = dsl;
        this.by = by;
        this.clock = clock;
    }

    public final DSLContext dsl() {
        return dsl;
    }

    /** The name audit columns record, e.g. a staff login or {@code job:billing}. */
    public final String by() {
        return by;
    }

    public final Clock clock() {
        return clock;
    }

    /** Now, as stored in timestamptz columns. */
    public final OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    /** An insert with the scope's columns already set; the repository sets the rest. */
    public <R extends Record> InsertSetMoreStep<R> insertInto(Table<R> table) {
        OffsetDateTime now = now();
        InsertSetMoreStep<R> insert = dsl.insertInto(table).set(ownerColumns(table));
        insert = setIfPresent(insert, table, "created_at", now);
        insert = setIfPresent(insert, table, "created_by", by);
        insert = setIfPresent(insert, table, "updated_at", now);
        return setIfPresent(insert, table, "updated_by", by);
    }

    /** An update that stamps {@code updated_at/by} and bumps {@code version}; its {@code where} names the owner. */
    public <R extends Record> Update<R> update(Table<R> table) {
        return new Update<>(this, table);
    }

    /**
     * For set-based inserts ({@code INSERT … SELECT}, multi-row {@code VALUES}), where {@link #insertInto} cannot set
     * values: the audit columns of {@code table} the scope stamps, in the order {@link #stampValues} gives their values.
     * Append both to the statement's column and value lists.
     */
    public List<Field<?>> stampColumns(Table<?> table) {
        List<Field<?>> columns = new ArrayList<>();
        for (String name : STAMPED) {
            Field<?> f = table.field(name);
            if (f != null) {
                columns.add(f);
            }
        }
        return columns;
    }

    /** The values of {@link #stampColumns}, as bind values. */
    public List<Field<?>> stampValues(Table<?> table) {
        OffsetDateTime now = now();
        List<Field<?>> values = new ArrayList<>();
        for (String name : STAMPED) {
            if (table.field(name) != null) {
                values.add(name.endsWith("_at") ? DSL.val(now) : DSL.val(by));
            }
        }
        return values;
    }

    private static final List<String> STAMPED = List.of("created_at", "created_by", "updated_at", "updated_by");

    /** Runs many stamped statements in one JDBC batch (one round trip), e.g. the updates of an import. */
    public int[] batch(java.util.Collection<? extends org.jooq.Query> statements) {
        return statements.isEmpty() ? new int[0] : dsl.batch(statements).execute();
    }

    /** The condition naming the scope's owner on {@code table}: its tenant, or nothing for global tables. */
    public abstract Condition owns(Table<?> table);

    /** Values of the owner's columns for an insert (the tenant id), empty for global tables. */
    abstract Map<Field<?>, Object> ownerColumns(Table<?> table);

    private static <R extends Record, T> InsertSetMoreStep<R> setIfPresent(InsertSetMoreStep<R> insert, Table<R> table, String column, T value) {
        @SuppressWarnings("unchecked")
        Field<T> field = (Field<T>) table.field(column);
        return field == null ? insert : insert.set(field, value);
    }

    static Field<?> required(Table<?> table, String column) {
        Field<?> field = table.field(column);
        if (field == null) {
            throw new IllegalArgumentException(table.getName() + " has no " + column + " column");
        }
        return field;
    }

    /** A stamped update; executing it always names the scope's owner and, if asked, the expected version. */
    public static final class Update<R extends Record> {
        private final Scope scope;
        private final Table<R> table;
        private UpdateSetMoreStep<R> step;
        private final List<TableLike<?>> from = new ArrayList<>();

        @SuppressWarnings("unchecked")
        private Update(Scope scope, Table<R> table) {
            this.scope = scope;
            this.table = table;
            var start = scope.dsl.update(table);
            UpdateSetMoreStep<R> s = null;
            Field<Object> updatedAt = (Field<Object>) table.field("updated_at");
            Field<Object> updatedBy = (Field<Object>) table.field("updated_by");
            Field<Long> version = (Field<Long>) table.field("version");
            if (updatedAt != null) {
                s = start.set(updatedAt, scope.now());
            }
            if (updatedBy != null) {
                s = s == null ? start.set(updatedBy, scope.by) : s.set(updatedBy, scope.by);
            }
            if (version != null) {
                s = s == null ? start.set(version, version.plus(1)) : s.set(version, version.plus(1));
            }
            if (s == null) {
                throw new IllegalArgumentException(table.getName() + " has no audit columns: update it through a repository method that says why");
            }
            this.step = s;
        }

        public <T> Update<R> set(Field<T> field, T value) {
            step = step.set(field, value);
            return this;
        }

        public <T> Update<R> set(Field<T> field, Field<T> value) {
            step = step.set(field, value);
            return this;
        }

        public Update<R> set(Map<? extends Field<?>, ?> values) {
            step = step.set(values);
            return this;
        }

        /**
         * {@code UPDATE … FROM}: a set-based update taking its values from other rows (the join is in {@code where});
         * the owner condition still names only the updated table, RLS bounds the others.
         */
        public Update<R> from(TableLike<?> source) {
            from.add(source);
            return this;
        }

        /** Runs the update on the owner's rows matching {@code conditions}; the number of rows changed. */
        public int where(Condition... conditions) {
            return statement(conditions).execute();
        }

        /** The update on the owner's rows matching {@code conditions}, not yet run: for {@link Scope#batch}. */
        public org.jooq.Query statement(Condition... conditions) {
            List<Condition> all = new ArrayList<>(List.of(conditions));
            all.add(scope.owns(table));
            return (from.isEmpty() ? step.where(DSL.and(all)) : step.from(from).where(DSL.and(all)));
        }

        /** As {@link #where}, but only while the row still has {@code expectedVersion} (optimistic locking). */
        @SuppressWarnings("unchecked")
        public int whereVersion(long expectedVersion, Condition... conditions) {
            Field<Long> version = (Field<Long>) required(table, "version");
            List<Condition> all = new ArrayList<>(List.of(conditions));
            all.add(version.eq(expectedVersion));
            return where(all.toArray(Condition[]::new));
        }
    }
}
