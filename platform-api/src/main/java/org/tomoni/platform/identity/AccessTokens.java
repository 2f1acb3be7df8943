package org.tomoni.platform.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signs access tokens. Claims: sub (the user's opaque id), the tenant's id and slug, the roles, sid (the session's refresh family),
 * issuer, audience, issue/not-before/expiry times and a jti; no personal data.
 */
@Singleton
class AccessTokens {
    static final String TENANT_ID = "tenant_id";
    static final String TENANT_SLUG = "tenant_slug";
    static final String ROLES = "roles";
    /** The session: the refresh family the token was issued with; logout revokes it. */
    static final String SESSION_ID = "sid";

    private final JwtKeys keys;
    private final Clock clock;
    private final String issuer;
    private final String audience;
    private final Duration lifetime;

    AccessTokens(JwtKeys keys, Clock clock,
                 @Value("${platform.jwt.issuer}") String issuer,
                 @Value("${platform.jwt.audience}") String audience,
                 @Value("${platform.jwt.access-token-minutes:15}") int minutes) {
        this.keys = keys;
        this.clock = clock;
        this.issuer = issuer;
        this.audience = audience;
        this.lifetime = Duration.ofMinutes(minutes);
    }

    long lifetimeSeconds() {
        return lifetime.toSeconds();
    }

    String issue(UserRecord user, String tenantSlug, UUID familyId) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject(user.id().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .jwtID(UUID.randomUUID().toString())
            .claim(ROLES, List.of(user.role().code()))
            .claim(SESSION_ID, familyId.toString());
        if (user.tenantId() != null) {
            claims.claim(TENANT_ID, user.tenantId().toString()).claim(TENANT_SLUG, tenantSlug);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.keyId()).type(JOSEObjectType.JWT).build(),
            claims.build());
        try {
            jwt.sign(keys.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a token", e);
        }
        return jwt.serialize();
    }
}
