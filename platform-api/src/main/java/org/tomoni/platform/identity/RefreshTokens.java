package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.Ids;

import org.tomoni.platform.shared.Columns;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
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
/**
 * Refresh tokens, persisted as hashes and rotated on every use. A token is
 * {@code <scope>.<token id>.<secret>} where the scope is the tenant's id (or {@code platform});
 * the scope only chooses where to look, the secret's hash decides. Reusing a rotated token
 * revokes its whole family.
 */
@Singleton
class RefreshTokens {
    static final String PLATFORM_SCOPE = "platform";
    private static final Table<Record> TENANT_TOKENS = table(name("refresh_tokens"));
    private static final Table<Record> PLATFORM_TOKENS = table(name("platform_refresh_tokens"));
    private static final Field<UUID> FAMILY_ID = field(name("family_id"), SQLDataType.UUID);
    private static final Field<UUID> USER_ID = field(name("user_id"), SQLDataType.UUID);
    private static final Field<byte[]> SECRET_HASH = field(name("secret_hash"), SQLDataType.BLOB);
    private static final Field<OffsetDateTime> EXPIRES_AT = field(name("expires_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<OffsetDateTime> USED_AT = field(name("used_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<OffsetDateTime> REVOKED_AT = field(name("revoked_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    RefreshTokens(Clock clock, @Value("${platform.jwt.refresh-token-days:14}") int days) {
        this.clock = clock;
        this.lifetime = Duration.ofDays(days);
    }

    /** A parsed token string; the scope says where the token row lives. */
    record Presented(UUID tenantId, UUID tokenId, String secret) {
        static Optional<Presented> parse(String token) {
            String[] parts = token == null ? new String[0] : token.split("\\.");
            if (parts.length != 3) {
                return Optional.empty();
            }
            Optional<UUID> id = Ids.parse(parts[1]);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            if (PLATFORM_SCOPE.equals(parts[0])) {
                return Optional.of(new Presented(null, id.get(), parts[2]));
            }
            return Ids.parse(parts[0]).map(tenant -> new Presented(tenant, id.get(), parts[2]));
        }
    }

    /** What a presented token turned out to be. */
    sealed interface Check {
        record Valid(UUID userId, UUID familyId) implements Check {
        }

        record Reused(UUID familyId) implements Check {
        }

        record Invalid() implements Check {
        }
    }

    String issue(DSLContext dsl, UUID tenantId, UUID userId, UUID familyId) {
        UUID id = Ids.newId();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime now = now();
        var insert = dsl.insertInto(tokens(tenantId))
            .set(ID, id).set(FAMILY_ID, familyId).set(USER_ID, userId).set(SECRET_HASH, sha256(secretText))
            .set(EXPIRES_AT, now.plus(lifetime))
            .set(CREATED_AT, now).set(CREATED_BY, userId.toString()).set(UPDATED_AT, now).set(UPDATED_BY, userId.toString());
        if (tenantId != null) {
            insert = insert.set(TENANT_ID, tenantId);
        }
        insert.execute();
        return (tenantId == null ? PLATFORM_SCOPE : tenantId.toString()) + "." + id + "." + secretText;
    }

    /** Checks a presented token and, when valid, marks it used (locked, so a race rotates once). */
    Check consume(DSLContext dsl, Presented p) {
        var row = dsl.selectFrom(tokens(p.tenantId())).where(scoped(p.tenantId(), ID.eq(p.tokenId()))).forUpdate().fetchOptional();
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().get(SECRET_HASH), sha256(p.secret()))) {
            return new Check.Invalid();
        }
        Record r = row.get();
        OffsetDateTime now = now();
        if (r.get(REVOKED_AT) != null || !r.get(EXPIRES_AT).isAfter(now)) {
            return new Check.Invalid();
        }
        if (r.get(USED_AT) != null) {
            return new Check.Reused(r.get(FAMILY_ID));
        }
        dsl.update(tokens(p.tenantId())).set(USED_AT, now).set(UPDATED_AT, now)
            .where(scoped(p.tenantId(), ID.eq(p.tokenId()))).execute();
        return new Check.Valid(r.get(USER_ID), r.get(FAMILY_ID));
    }

    void revokeFamily(DSLContext dsl, UUID tenantId, UUID familyId) {
        OffsetDateTime now = now();
        dsl.update(tokens(tenantId)).set(REVOKED_AT, now).set(UPDATED_AT, now)
            .where(scoped(tenantId, FAMILY_ID.eq(familyId)).and(REVOKED_AT.isNull())).execute();
    }

    void revokeAllOfUser(DSLContext dsl, UUID tenantId, UUID userId) {
        OffsetDateTime now = now();
        dsl.update(tokens(tenantId)).set(REVOKED_AT, now).set(UPDATED_AT, now)
            .where(scoped(tenantId, USER_ID.eq(userId)).and(REVOKED_AT.isNull())).execute();
    }

    /** Whose family it is. */
    Optional<UUID> userOfFamily(DSLContext dsl, UUID tenantId, UUID familyId) {
        return dsl.select(USER_ID).from(tokens(tenantId)).where(scoped(tenantId, FAMILY_ID.eq(familyId))).limit(1).fetchOptional(USER_ID);
    }

    /** The family of a token whose secret matches, for logout. */
    Optional<UUID> familyOf(DSLContext dsl, Presented p) {
        return dsl.select(FAMILY_ID, SECRET_HASH).from(tokens(p.tenantId())).where(scoped(p.tenantId(), ID.eq(p.tokenId())))
            .fetchOptional()
            .filter(r -> MessageDigest.isEqual(r.get(SECRET_HASH), sha256(p.secret())))
            .map(r -> r.get(FAMILY_ID));
    }

    private static Table<Record> tokens(UUID tenantId) {
        return tenantId == null ? PLATFORM_TOKENS : TENANT_TOKENS;
    }

    private static org.jooq.Condition scoped(UUID tenantId, org.jooq.Condition c) {
        return tenantId == null ? c : TENANT_ID.eq(tenantId).and(c);
    }

    private OffsetDateTime now() {
        return Columns.now(clock);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
