package org.tomoni.platform.identity;

import org.tomoni.platform.persistence.TenantScope;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.PASSWORD_RESETS;

/** Password-reset links sent by e-mail (table {@code password_resets}): only each token's SHA-256 is stored. */
final class PasswordResetRepository {
    private PasswordResetRepository() {
    }

    /** A link as stored. */
    record Reset(UUID id, UUID userId, byte[] tokenHash, OffsetDateTime expiresAt, OffsetDateTime usedAt, OffsetDateTime supersededAt) {
    }

    static void insert(TenantScope scope, UUID id, UUID userId, byte[] tokenHash, OffsetDateTime expiresAt) {
        scope.insertInto(PASSWORD_RESETS).set(PASSWORD_RESETS.ID, id).set(PASSWORD_RESETS.USER_ID, userId)
            .set(PASSWORD_RESETS.TOKEN_HASH, tokenHash).set(PASSWORD_RESETS.EXPIRES_AT, expiresAt).execute();
    }

    /** Every earlier link of the user not yet used stops working: only the newest serves. */
    static int supersedeOpen(TenantScope scope, UUID userId) {
        return scope.update(PASSWORD_RESETS).set(PASSWORD_RESETS.SUPERSEDED_AT, scope.now())
            .where(PASSWORD_RESETS.USER_ID.eq(userId), PASSWORD_RESETS.USED_AT.isNull(), PASSWORD_RESETS.SUPERSEDED_AT.isNull());
    }

    /** The link, locked until the transaction ends (two uses racing: one wins). */
    static Optional<Reset> lock(TenantScope scope, UUID id) {
        return scope.dsl().selectFrom(PASSWORD_RESETS).where(scope.owns(PASSWORD_RESETS), PASSWORD_RESETS.ID.eq(id)).forUpdate()
            .fetchOptional(r -> new Reset(r.getId(), r.getUserId(), r.getTokenHash(), r.getExpiresAt(), r.getUsedAt(), r.getSupersededAt()));
    }

    static int markUsed(TenantScope scope, UUID id) {
        return scope.update(PASSWORD_RESETS).set(PASSWORD_RESETS.USED_AT, scope.now())
            .where(PASSWORD_RESETS.ID.eq(id), PASSWORD_RESETS.USED_AT.isNull());
    }
}
