package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.tomoni.platform.persistence.Scope;
import org.tomoni.platform.shared.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens, persisted as hashes and rotated on every use. A token is
 * {@code <scope>.<token id>.<secret>} where the scope is the tenant's id (or {@code platform});
 * the scope only chooses where to look, the secret's hash decides. Reusing a rotated token
 * revokes its whole family.
 */
@Singleton
class RefreshTokens {
    static final String PLATFORM_SCOPE = "platform";
    private final SecureRandom random = new SecureRandom();
    private final Duration lifetime;

    RefreshTokens(@Value("${platform.jwt.refresh-token-days:14}") int days) {
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

    /** A new token of the user's family, in the scope's table (the tenant's, or the platform's when the scope is). */
    String issue(Scope scope, UUID tenantId, UUID userId, UUID familyId) {
        UUID id = Ids.newId();
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String secretText = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshTokenRepository.insert(scope, id, familyId, userId, sha256(secretText), scope.now().plus(lifetime));
        return (tenantId == null ? PLATFORM_SCOPE : tenantId.toString()) + "." + id + "." + secretText;
    }

    /** Checks a presented token and, when valid, marks it used (locked, so a race rotates once). */
    Check consume(Scope scope, Presented p) {
        var row = RefreshTokenRepository.lock(scope, p.tokenId());
        if (row.isEmpty() || !MessageDigest.isEqual(row.get().secretHash(), sha256(p.secret()))) {
            return new Check.Invalid();
        }
        RefreshTokenRepository.Token t = row.get();
        OffsetDateTime now = scope.now();
        if (t.revokedAt() != null || !t.expiresAt().isAfter(now)) {
            return new Check.Invalid();
        }
        if (t.usedAt() != null) {
            return new Check.Reused(t.familyId());
        }
        RefreshTokenRepository.markUsed(scope, p.tokenId());
        return new Check.Valid(t.userId(), t.familyId());
    }

    void revokeFamily(Scope scope, UUID familyId) {
        RefreshTokenRepository.revokeFamily(scope, familyId);
    }

    void revokeAllOfUser(Scope scope, UUID userId) {
        RefreshTokenRepository.revokeAllOf(scope, userId);
    }

    void revokeAllOfUserExcept(Scope scope, UUID userId, UUID keepFamily) {
        RefreshTokenRepository.revokeAllOfExcept(scope, userId, keepFamily);
    }

    /** Whose family it is. */
    Optional<UUID> userOfFamily(Scope scope, UUID familyId) {
        return RefreshTokenRepository.userOfFamily(scope, familyId);
    }

    /** The family of a token whose secret matches, for logout. */
    Optional<UUID> familyOf(Scope scope, Presented p) {
        return RefreshTokenRepository.find(scope, p.tokenId())
            .filter(t -> MessageDigest.isEqual(t.secretHash(), sha256(p.secret())))
            .map(RefreshTokenRepository.Token::familyId);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
