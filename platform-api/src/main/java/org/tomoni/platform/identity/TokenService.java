package org.tomoni.platform.identity;

import io.micronaut.serde.annotation.Serdeable;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.persistence.Scope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Issues access and refresh tokens, rotates refresh tokens, and revokes a family on logout. */
@Singleton
public class TokenService {
    /** The job that acts in a tenant (or on the platform's tables) for someone not yet known: logins, refreshes, logouts. */
    static final String AUTH = "auth";

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

    /**
     * The OAuth-shaped answer of login and refresh. {@code password_change_required}: the password is temporary, and the
     * token may only change it ({@code POST /api/v1/auth/password}) or log out until then.
     */
    @Serdeable
    public record Tokens(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("refresh_token") String refreshToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn,
                         @JsonProperty("password_change_required") boolean passwordChangeRequired) {
    }

    /** Tokens for a freshly authenticated actor: a new refresh family. */
    public Tokens issue(Actor actor) {
        Function<Scope, Tokens> work = scope -> pairIn(scope, Logins.find(scope, actor.userId()).orElseThrow(), actor.tenantSlug(), Ids.newId());
        return actor.tenantId() == null ? tx.platform(actor.auditName(), work::apply) : tx.write(actor, work::apply);
    }

    /** Rotates a refresh token; a reused one revokes its family. Empty when the token is no good. */
    public Optional<Tokens> refresh(String presentedToken) {
        Optional<RefreshTokens.Presented> presented = RefreshTokens.Presented.parse(presentedToken);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        RefreshTokens.Presented p = presented.get();
        Optional<Tenant> tenant = p.tenantId() == null ? Optional.empty() : tenants.findById(p.tenantId());
        if (p.tenantId() != null && tenant.isEmpty()) {
            return Optional.empty();
        }
        return inScope(tenant, scope -> {
            RefreshTokens.Check check = refresh.consume(scope, p);
            if (check instanceof RefreshTokens.Check.Reused reused) {
                refresh.revokeFamily(scope, reused.familyId());
                refresh.userOfFamily(scope, reused.familyId()).ifPresent(sessions::forget);
                audit.recordAnonymous(scope, "refresh-token", "auth.refresh_reuse", Result.DENIED, null);
                return Optional.empty();
            }
            if (check instanceof RefreshTokens.Check.Valid valid) {
                Optional<UserRecord> user = Logins.find(scope, valid.userId()).filter(UserRecord::active);
                String slug = tenant.map(Tenant::slug).orElse(null);
                return user.map(u -> pairIn(scope, u, slug, valid.familyId()));
            }
            return Optional.<Tokens>empty();
        });
    }

    /** Revokes the family of the presented refresh token; unknown tokens are ignored. */
    public void logout(String presentedToken) {
        RefreshTokens.Presented.parse(presentedToken).ifPresent(p -> {
            Optional<Tenant> tenant = p.tenantId() == null ? Optional.empty() : tenants.findById(p.tenantId());
            if (p.tenantId() != null && tenant.isEmpty()) {
                return;
            }
            inScope(tenant, scope -> {
                refresh.familyOf(scope, p).ifPresent(family -> {
                    refresh.revokeFamily(scope, family);
                    refresh.userOfFamily(scope, family).ifPresent(sessions::forget);
                    audit.recordAnonymous(scope, "refresh-token", "auth.logout", Result.SUCCESS, null);
                });
                return null;
            });
        });
    }

    /** Every refresh family of a user ends, and with them every access token, e.g. when an admin deactivates them. */
    void revokeAll(Scope scope, UUID userId) {
        refresh.revokeAllOfUser(scope, userId);
        sessions.forget(userId);
    }

    /** Every session of the user but the one of {@code keepFamily} ends (a password change keeps the session that made it). */
    void revokeAllBut(Scope scope, UUID userId, UUID keepFamily) {
        refresh.revokeAllOfUserExcept(scope, userId, keepFamily);
        sessions.forget(userId);
    }

    private Tokens pairIn(Scope scope, UserRecord user, String slug, UUID family) {
        String refreshToken = refresh.issue(scope, user.tenantId(), user.id(), family);
        return new Tokens(access.issue(user, slug, family), refreshToken, "Bearer", access.lifetimeSeconds(), user.passwordTemporary());
    }

    /**
     * Work on a presented token, before anyone is known: in the tenant's transaction as the {@code auth} job (it holds
     * no capability; its rows record it), or on the platform's tables when the token is a platform user's.
     */
    private <T> T inScope(Optional<Tenant> tenant, Function<Scope, T> work) {
        return tenant.isEmpty() ? tx.platform(AUTH, work::apply) : tx.write(NarrowActors.job(AUTH, tenant.get()), work::apply);
    }
}
