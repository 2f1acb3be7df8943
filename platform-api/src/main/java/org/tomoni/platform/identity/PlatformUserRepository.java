package org.tomoni.platform.identity;

import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.schema.tables.records.PlatformUsersRecord;
import org.tomoni.platform.shared.Role;

import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.PLATFORM_USERS;

/** Platform-level logins (table {@code platform_users}, global): the network office and the operator. */
final class PlatformUserRepository {
    private PlatformUserRepository() {
    }

    static void insert(PlatformScope scope, UserRecord u) {
        scope.insertInto(PLATFORM_USERS).set(PLATFORM_USERS.ID, u.id()).set(PLATFORM_USERS.USERNAME, u.username())
            .set(PLATFORM_USERS.DISPLAY_NAME, u.displayName()).set(PLATFORM_USERS.PASSWORD_HASH, u.passwordHash())
            .set(PLATFORM_USERS.ROLE, u.role().code()).set(PLATFORM_USERS.ACTIVE, u.active())
            .set(PLATFORM_USERS.PASSWORD_TEMPORARY, u.passwordTemporary()).execute();
    }

    static Optional<UserRecord> find(PlatformScope scope, UUID id) {
        return scope.dsl().selectFrom(PLATFORM_USERS).where(PLATFORM_USERS.ID.eq(id)).fetchOptional(PlatformUserRepository::toUser);
    }

    static Optional<UserRecord> findByUsername(PlatformScope scope, String username) {
        return scope.dsl().selectFrom(PLATFORM_USERS).where(PLATFORM_USERS.USERNAME.eq(username))
            .fetchOptional(PlatformUserRepository::toUser);
    }

    static int setPassword(PlatformScope scope, UUID id, String hash, boolean temporary) {
        return scope.update(PLATFORM_USERS).set(PLATFORM_USERS.PASSWORD_HASH, hash).set(PLATFORM_USERS.PASSWORD_TEMPORARY, temporary)
            .where(PLATFORM_USERS.ID.eq(id));
    }

    private static UserRecord toUser(PlatformUsersRecord r) {
        return new UserRecord(null, r.getId(), r.getUsername(), r.getDisplayName(), r.getPasswordHash(),
            Role.fromCode(r.getRole()).orElseThrow(), r.getActive(), r.getCreatedAt(), r.getUpdatedAt(), r.getVersion(), null,
            r.getPasswordTemporary());
    }
}
