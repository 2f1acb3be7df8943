package org.tomoni.platform.identity;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.Role;

import java.time.OffsetDateTime;
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
/**
 * The two login tables share their shape: {@code users} (tenant-owned, every statement names
 * tenant_id) and {@code platform_users} (global).
 */
final class UserTables {
    static final Table<Record> USERS = table(name("users"));
    static final Table<Record> PLATFORM_USERS = table(name("platform_users"));
    static final Field<String> USERNAME = field(name("username"), SQLDataType.CLOB);
    static final Field<String> DISPLAY_NAME = field(name("display_name"), SQLDataType.CLOB);
    static final Field<String> PASSWORD_HASH = field(name("password_hash"), SQLDataType.CLOB);
    static final Field<String> ROLE = field(name("role"), SQLDataType.CLOB);
    static final Field<Boolean> ACTIVE = field(name("active"), SQLDataType.BOOLEAN);

    private UserTables() {
    }

    static Optional<UserRecord> findTenantUser(DSLContext dsl, UUID tenantId, String username) {
        return dsl.selectFrom(USERS).where(TENANT_ID.eq(tenantId), USERNAME.eq(username)).fetchOptional(UserTables::toTenantUser);
    }

    static Optional<UserRecord> findTenantUserById(DSLContext dsl, UUID tenantId, UUID id) {
        return dsl.selectFrom(USERS).where(TENANT_ID.eq(tenantId), ID.eq(id)).fetchOptional(UserTables::toTenantUser);
    }

    static Optional<UserRecord> findPlatformUser(DSLContext dsl, String username) {
        return dsl.selectFrom(PLATFORM_USERS).where(USERNAME.eq(username)).fetchOptional(UserTables::toPlatformUser);
    }

    static Optional<UserRecord> findPlatformUserById(DSLContext dsl, UUID id) {
        return dsl.selectFrom(PLATFORM_USERS).where(ID.eq(id)).fetchOptional(UserTables::toPlatformUser);
    }

    static void insert(DSLContext dsl, UserRecord u, String actor) {
        var insert = dsl.insertInto(u.tenantId() == null ? PLATFORM_USERS : USERS)
            .set(ID, u.id()).set(USERNAME, u.username()).set(DISPLAY_NAME, u.displayName())
            .set(PASSWORD_HASH, u.passwordHash()).set(ROLE, u.role().code()).set(ACTIVE, u.active())
            .set(CREATED_AT, u.createdAt()).set(CREATED_BY, actor).set(UPDATED_AT, u.updatedAt()).set(UPDATED_BY, actor);
        if (u.tenantId() != null) {
            insert = insert.set(TENANT_ID, u.tenantId());
        }
        insert.execute();
    }

    static UserRecord toTenantUser(Record r) {
        return new UserRecord(r.get(TENANT_ID), r.get(ID), r.get(USERNAME), r.get(DISPLAY_NAME), r.get(PASSWORD_HASH),
            Role.fromCode(r.get(ROLE)).orElseThrow(), r.get(ACTIVE), r.get(CREATED_AT), r.get(UPDATED_AT), r.get(VERSION));
    }

    static UserRecord toPlatformUser(Record r) {
        return new UserRecord(null, r.get(ID), r.get(USERNAME), r.get(DISPLAY_NAME), r.get(PASSWORD_HASH),
            Role.fromCode(r.get(ROLE)).orElseThrow(), r.get(ACTIVE), r.get(CREATED_AT), r.get(UPDATED_AT), r.get(VERSION));
    }
}
