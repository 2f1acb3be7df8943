package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Beyond signature, issuer, audience and expiry (checked by Micronaut Security): an access
 * token must carry {@code iat} and {@code exp} no further apart, and no further ahead, than the
 * configured lifetime plus a small clock skew; and its session must still stand (see
 * {@link Sessions}): an existing, active user with the token's role and an unrevoked refresh
 * family ({@code sid}). Anything else is as if no token had been sent: 401.
 */
@Singleton
class SessionClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    static final Duration SKEW = Duration.ofSeconds(30);
    private final Sessions sessions;
    private final Clock clock;
    private final Duration lifetime;

    SessionClaimsValidator(Sessions sessions, Clock clock, @Value("${platform.jwt.access-token-minutes:15}") int minutes) {
        this.sessions = sessions;
        this.clock = clock;
        this.lifetime = Duration.ofMinutes(minutes);
    }

    @Override
    public boolean validate(Claims claims, @Nullable T request) {
        Optional<Instant> exp = instant(claims.get("exp"));
        Optional<Instant> iat = instant(claims.get("iat"));
        if (exp.isEmpty() || iat.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Duration longest = lifetime.plus(SKEW);
        if (Duration.between(iat.get(), exp.get()).compareTo(longest) > 0 || Duration.between(now, exp.get()).compareTo(longest) > 0
            || iat.get().isAfter(now.plus(SKEW))) {
            return false;
        }
        Optional<UUID> user = text(claims.get("sub")).flatMap(Ids::parse);
        Optional<UUID> family = text(claims.get(AccessTokens.SESSION_ID)).flatMap(Ids::parse);
        Object tenantClaim = claims.get(AccessTokens.TENANT_ID);
        Optional<UUID> tenant = text(tenantClaim).flatMap(Ids::parse);
        Optional<Role> role = singleRole(claims.get(AccessTokens.ROLES));
        if (user.isEmpty() || family.isEmpty() || role.isEmpty() || tenantClaim != null && tenant.isEmpty()
            || role.get().platformLevel() == tenant.isPresent()) {
            return false;
        }
        return sessions.tokenSessionStands(tenant.orElse(null), user.get(), family.get(), role.get());
    }

    private static Optional<Role> singleRole(Object claim) {
        if (claim instanceof Collection<?> c && c.size() == 1) {
            return text(c.iterator().next()).flatMap(Role::fromCode);
        }
        if (claim instanceof Object[] a && a.length == 1) {
            return singleRole(List.of(a));
        }
        return Optional.empty();
    }

    private static Optional<String> text(Object o) {
        return o instanceof String s ? Optional.of(s) : Optional.empty();
    }

    private static Optional<Instant> instant(Object o) {
        if (o instanceof Date d) {
            return Optional.of(d.toInstant());
        }
        if (o instanceof Instant i) {
            return Optional.of(i);
        }
        if (o instanceof Number n) {
            return Optional.of(Instant.ofEpochSecond(n.longValue()));
        }
        return Optional.empty();
    }
}
