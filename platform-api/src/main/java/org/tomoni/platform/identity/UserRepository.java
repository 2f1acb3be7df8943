package org.tomoni.platform.identity;

import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.records.UsersRecord;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Role;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.USERS;

/** A tenant's logins (table {@code users}); the scope stamps tenant and audit columns and bumps the version. */
final class UserRepository {
    private UserRepository() {
    }

    static void insert(TenantScope scope, UserRecord u) {
        scope.insertInto(USERS).set(USERS.ID, u.id()).set(USERS.USERNAME, u.username()).set(USERS.DISPLAY_NAME, u.displayName())
            .set(USERS.PASSWORD_HASH, u.passwordHash()).set(USERS.ROLE, u.role().code()).set(USERS.ACTIVE, u.active())
            .set(USERS.EMAIL, u.email()).set(USERS.PASSWORD_TEMPORARY, u.passwordTemporary()).execute();
    }

    static Optional<UserRecord> find(TenantScope scope, UUID id) {
        return scope.dsl().selectFrom(USERS).where(scope.owns(USERS), USERS.ID.eq(id)).fetchOptional(UserRepository::toUser);
    }

    static Optional<UserRecord> findByUsername(TenantScope scope, String username) {
        return scope.dsl().selectFrom(USERS).where(scope.owns(USERS), USERS.USERNAME.eq(username)).fetchOptional(UserRepository::toUser);
    }

    /** Display names (the login name when a user has none) of the scope's users among {@code ids}. */
    static java.util.Map<UUID, String> names(TenantScope scope, java.util.Collection<UUID> ids) {
        return scope.dsl().select(USERS.ID, org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.nullif(USERS.DISPLAY_NAME, ""), USERS.USERNAME))
            .from(USERS).where(scope.owns(USERS), USERS.ID.in(ids)).fetchMap(r -> r.value1(), r -> r.value2());
    }

    static List<UserRecord> page(TenantScope scope, PageRequest page) {
        return scope.dsl().selectFrom(USERS).where(scope.owns(USERS)).orderBy(USERS.USERNAME, USERS.ID)
            .limit(page.size()).offset(page.offset()).fetch(UserRepository::toUser);
    }

    static long count(TenantScope scope) {
        return scope.dsl().fetchCount(USERS, scope.owns(USERS));
    }

    static long activeWithRole(TenantScope scope, Role role) {
        return scope.dsl().fetchCount(USERS, scope.owns(USERS), USERS.ROLE.eq(role.code()), USERS.ACTIVE.isTrue());
    }

    static int setEmail(TenantScope scope, UUID id, String email) {
        return scope.update(USERS).set(USERS.EMAIL, email).where(USERS.ID.eq(id));
    }

    static int setRole(TenantScope scope, UUID id, Role role) {
        return scope.update(USERS).set(USERS.ROLE, role.code()).where(USERS.ID.eq(id));
    }

    static int setActive(TenantScope scope, UUID id, boolean active) {
        return scope.update(USERS).set(USERS.ACTIVE, active).where(USERS.ID.eq(id));
    }

    /** A new password: temporary when someone else set it (an admin's reset), permanent when its owner chose it. */
    static int setPassword(TenantScope scope, UUID id, String hash, boolean temporary) {
        return scope.update(USERS).set(USERS.PASSWORD_HASH, hash).set(USERS.PASSWORD_TEMPORARY, temporary).where(USERS.ID.eq(id));
    }

    /** The user whose e-mail is {@code email}, ignoring case (one per tenant). */
    static Optional<UserRecord> findByEmail(TenantScope scope, String email) {
        return scope.dsl().selectFrom(USERS).where(scope.owns(USERS), org.jooq.impl.DSL.lower(USERS.EMAIL).eq(email.toLowerCase(java.util.Locale.ROOT)))
            .fetchOptional(UserRepository::toUser);
    }

    private static UserRecord toUser(UsersRecord r) {
        return new UserRecord(r.getTenantId(), r.getId(), r.getUsername(), r.getDisplayName(), r.getPasswordHash(),
            Role.fromCode(r.getRole()).orElseThrow(), r.getActive(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion(), r.getEmail(),
            r.getPasswordTemporary());
    }
}
