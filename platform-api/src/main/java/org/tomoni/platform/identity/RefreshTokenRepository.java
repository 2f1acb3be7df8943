package org.tomoni.platform.identity;

import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.tomoni.platform.persistence.Scope;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.schema.tables.records.PlatformRefreshTokensRecord;
import org.tomoni.platform.schema.tables.records.RefreshTokensRecord;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.PLATFORM_REFRESH_TOKENS;
import static org.tomoni.platform.schema.Tables.REFRESH_TOKENS;

/**
 * Refresh tokens, stored as hashes: a tenant's in {@code refresh_tokens} (a {@link TenantScope}),
 * platform users' in {@code platform_refresh_tokens} (a platform scope). The two tables have one
 * shape, named here once from their generated columns; the scope chooses the table.
 */
final class RefreshTokenRepository {
    private RefreshTokenRepository() {
    }

    /** A token row. */
    record Token(UUID id, UUID familyId, UUID userId, byte[] secretHash, OffsetDateTime expiresAt, OffsetDateTime usedAt,
                 OffsetDateTime revokedAt) {
    }

    private record Shape<R extends Record>(Table<R> table, TableField<R, UUID> id, TableField<R, UUID> familyId, TableField<R, UUID> userId,
                                           TableField<R, byte[]> secretHash, TableField<R, OffsetDateTime> expiresAt,
                                           TableField<R, OffsetDateTime> usedAt, TableField<R, OffsetDateTime> revokedAt) {
        Token toToken(Record r) {
            return new Token(r.get(id), r.get(familyId), r.get(userId), r.get(secretHash), r.get(expiresAt), r.get(usedAt), r.get(revokedAt));
        }
    }

    private static final Shape<RefreshTokensRecord> TENANT = new Shape<>(REFRESH_TOKENS, REFRESH_TOKENS.ID, REFRESH_TOKENS.FAMILY_ID,
        REFRESH_TOKENS.USER_ID, REFRESH_TOKENS.SECRET_HASH, REFRESH_TOKENS.EXPIRES_AT, REFRESH_TOKENS.USED_AT, REFRESH_TOKENS.REVOKED_AT);
    private static final Shape<PlatformRefreshTokensRecord> PLATFORM = new Shape<>(PLATFORM_REFRESH_TOKENS, PLATFORM_REFRESH_TOKENS.ID,
        PLATFORM_REFRESH_TOKENS.FAMILY_ID, PLATFORM_REFRESH_TOKENS.USER_ID, PLATFORM_REFRESH_TOKENS.SECRET_HASH,
        PLATFORM_REFRESH_TOKENS.EXPIRES_AT, PLATFORM_REFRESH_TOKENS.USED_AT, PLATFORM_REFRESH_TOKENS.REVOKED_AT);

    private static Shape<?> shape(Scope scope) {
        return scope instanceof TenantScope ? TENANT : PLATFORM;
    }

    static void insert(Scope scope, UUID id, UUID familyId, UUID userId, byte[] secretHash, OffsetDateTime expiresAt) {
        insert(scope, shape(scope), id, familyId, userId, secretHash, expiresAt);
    }

    private static <R extends Record> void insert(Scope scope, Shape<R> s, UUID id, UUID familyId, UUID userId, byte[] secretHash,
                                                  OffsetDateTime expiresAt) {
        scope.insertInto(s.table()).set(s.id(), id).set(s.familyId(), familyId).set(s.userId(), userId).set(s.secretHash(), secretHash)
            .set(s.expiresAt(), expiresAt).execute();
    }

    /** The token, locked until the transaction ends (so that two refreshes racing rotate it once). */
    static Optional<Token> lock(Scope scope, UUID id) {
        Shape<?> s = shape(scope);
        return scope.dsl().selectFrom(s.table()).where(scope.owns(s.table()), s.id().eq(id)).forUpdate().fetchOptional().map(s::toToken);
    }

    static Optional<Token> find(Scope scope, UUID id) {
        Shape<?> s = shape(scope);
        return scope.dsl().selectFrom(s.table()).where(scope.owns(s.table()), s.id().eq(id)).fetchOptional().map(s::toToken);
    }

    static int markUsed(Scope scope, UUID id) {
        return markUsed(scope, shape(scope), id);
    }

    private static <R extends Record> int markUsed(Scope scope, Shape<R> s, UUID id) {
        return scope.update(s.table()).set(s.usedAt(), scope.now()).where(s.id().eq(id), s.usedAt().isNull());
    }

    static int revokeFamily(Scope scope, UUID familyId) {
        return revoke(scope, shape(scope), true, familyId);
    }

    static int revokeAllOf(Scope scope, UUID userId) {
        return revoke(scope, shape(scope), false, userId);
    }

    /** Every family of the user but {@code keep} (the session that asked, e.g. to change its password; null keeps none). */
    static int revokeAllOfExcept(Scope scope, UUID userId, UUID keep) {
        return keep == null ? revokeAllOf(scope, userId) : revokeExcept(scope, shape(scope), userId, keep);
    }

    private static <R extends Record> int revokeExcept(Scope scope, Shape<R> s, UUID userId, UUID keep) {
        return scope.update(s.table()).set(s.revokedAt(), scope.now()).where(s.userId().eq(userId), s.familyId().ne(keep), s.revokedAt().isNull());
    }

    private static <R extends Record> int revoke(Scope scope, Shape<R> s, boolean family, UUID id) {
        return scope.update(s.table()).set(s.revokedAt(), scope.now()).where((family ? s.familyId() : s.userId()).eq(id), s.revokedAt().isNull());
    }

    /** Whose family it is. */
    static Optional<UUID> userOfFamily(Scope scope, UUID familyId) {
        Shape<?> s = shape(scope);
        return scope.dsl().select(s.userId()).from(s.table()).where(scope.owns(s.table()), s.familyId().eq(familyId)).limit(1)
            .fetchOptional(s.userId());
    }

    /** Whether the user's family has a token not revoked. */
    static boolean familyStands(Scope scope, UUID familyId, UUID userId) {
        Shape<?> s = shape(scope);
        return scope.dsl().fetchExists(s.table(), scope.owns(s.table()), s.familyId().eq(familyId), s.userId().eq(userId), s.revokedAt().isNull());
    }
}
