package org.tomoni.platform.identity;

import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.Optional;
import java.util.UUID;

/** Issues access and refresh tokens, rotates refresh tokens, and revokes a family on logout. */
@Singleton
public class TokenService {
    private final AccessTokens access;
    private final RefreshTokens refresh;
    private final TenantTransactions tx;
    private final TenantRegistry tenants;
    private final AuditTrail audit;
    private final Sessions sessions;

    TokenService(AccessTokens access, RefreshTokens refresh, TenantTransactions tx, TenantRegistry tenants, AuditTrail audit,
                 Sessions sessions) {
        this.sessions = sessions;
        this.access = access;
        this.refresh = refresh;
        this.tx = tx;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The OAuth-shaped answer of login and refresh. */
    @Serdeable
    public record Tokens(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    /** Tokens for a freshly authenticated actor: a new refresh family. */
    public Tokens issue(Actor actor) {
        UserRecord user = loadUser(actor.tenantId(), actor.userId()).orElseThrow();
        return pair(user, actor.tenantSlug(), Ids.newId());
    }

    /** Rotates a refresh token; a reused one revokes its family. Empty when the token is no good. */
    public Optional<Tokens> refresh(String presentedToken) {
        Optional<RefreshTokens.Presented> presented = RefreshTokens.Presented.parse(presentedToken);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        RefreshTokens.Presented p = presented.get();
        if (p.tenantId() != null && tenants.findById(p.tenantId()).isEmpty()) {
            return Optional.empty();
        }
        return inScope(p.tenantId(), dsl -> {
            RefreshTokens.Check check = refresh.consume(dsl, p);
            if (check instanceof RefreshTokens.Check.Reused reused) {
                refresh.revokeFamily(dsl, p.tenantId(), reused.familyId());
                refresh.userOfFamily(dsl, p.tenantId(), reused.familyId()).ifPresent(sessions::forget);
                audit.recordAnonymous(dsl, p.tenantId(), "refresh-token", "auth.refresh_reuse", Result.DENIED, null);
                return Optional.empty();
            }
            if (check instanceof RefreshTokens.Check.Valid valid) {
                Optional<UserRecord> user = find(dsl, p.tenantId(), valid.userId()).filter(UserRecord::active);
                String slug = p.tenantId() == null ? null : tenants.findById(p.tenantId()).orElseThrow().slug();
                return user.map(u -> pairIn(dsl, u, slug, valid.familyId()));
            }
            return Optional.<Tokens>empty();
        });
    }

    /** Revokes the family of the presented refresh token; unknown tokens are ignored. */
    public void logout(String presentedToken) {
        RefreshTokens.Presented.parse(presentedToken).ifPresent(p -> {
            if (p.tenantId() != null && tenants.findById(p.tenantId()).isEmpty()) {
                return;
            }
            inScope(p.tenantId(), dsl -> {
                refresh.familyOf(dsl, p).ifPresent(family -> {
                    refresh.revokeFamily(dsl, p.tenantId(), family);
                    refresh.userOfFamily(dsl, p.tenantId(), family).ifPresent(sessions::forget);
                    audit.recordAnonymous(dsl, p.tenantId(), "refresh-token", "auth.logout", Result.SUCCESS, null);
                });
                return null;
            });
        });
    }

    /** Every refresh family of a user ends, and with them every access token, e.g. when an admin deactivates them. */
    void revokeAll(org.jooq.DSLContext dsl, UUID tenantId, UUID userId) {
        refresh.revokeAllOfUser(dsl, tenantId, userId);
        sessions.forget(userId);
    }

    private Tokens pair(UserRecord user, String slug, UUID family) {
        return inScope(user.tenantId(), dsl -> pairIn(dsl, user, slug, family));
    }

    private Tokens pairIn(org.jooq.DSLContext dsl, UserRecord user, String slug, UUID family) {
        String refreshToken = refresh.issue(dsl, user.tenantId(), user.id(), family);
        return new Tokens(access.issue(user, slug, family), refreshToken, "Bearer", access.lifetimeSeconds());
    }

    private Optional<UserRecord> loadUser(UUID tenantId, UUID userId) {
        return inScope(tenantId, dsl -> find(dsl, tenantId, userId));
    }

    private static Optional<UserRecord> find(org.jooq.DSLContext dsl, UUID tenantId, UUID userId) {
        return tenantId == null ? UserTables.findPlatformUserById(dsl, userId) : UserTables.findTenantUserById(dsl, tenantId, userId);
    }

    private <T> T inScope(UUID tenantId, java.util.function.Function<org.jooq.DSLContext, T> work) {
        return tenantId == null ? tx.platform(work) : tx.write(tenantId, work);
    }
}
