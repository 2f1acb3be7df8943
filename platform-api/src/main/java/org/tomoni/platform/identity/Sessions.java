package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.persistence.Scope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Whether a signed-in session still stands, asked on every API request (for the token's user
 * and refresh family) and on every UI request (for the session's user): the user exists, is
 * active and still has the role the session was opened with, and the session's refresh family
 * has not been revoked (logout ends one family; deactivation, a role change and a password
 * reset end them all). The database is the source of truth on every node; answers are cached
 * per node for {@code platform.security.session-check-cache} (4 s; at most 5 s is allowed), and this node drops
 * its own cached answers at once when it ends a session.
 */
@Singleton
public class Sessions {
    /** What the check's reads record as their actor (a job of no capability); they write nothing. */
    private static final String CHECKER = "session-check";
    private static final Duration MAX_CACHE = Duration.ofSeconds(5);

    private final TenantTransactions tx;
    private final long cacheNanos;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    Sessions(TenantTransactions tx, @Value("${platform.security.session-check-cache:4s}") Duration cacheFor) {
        this.tx = tx;
        if (cacheFor.isNegative() || cacheFor.compareTo(MAX_CACHE) > 0) {
            throw new IllegalStateException("platform.security.session-check-cache must be between 0 and 5s, is " + cacheFor);
        }
        this.cacheNanos = cacheFor.toNanos();
    }

    /** A session as the cache knows it: user (tenant null for platform users) and refresh family (null for a UI session). */
    private record Key(UUID tenantId, UUID userId, UUID familyId) {
    }

    /** What the database said: the user's role when active (empty when missing or inactive), and whether the family stands. */
    private record Entry(Optional<Role> activeRole, boolean familyLive, boolean passwordTemporary, String passwordStamp, long expiresAt) {
    }

    /** An access token's session: its user, family and role claim. */
    public boolean tokenSessionStands(UUID tenantId, UUID userId, UUID familyId, Role role) {
        Entry e = lookup(new Key(tenantId, userId, Objects.requireNonNull(familyId)));
        return e.familyLive() && e.activeRole().filter(r -> r == role).isPresent();
    }

    /** A UI session's actor: the user exists, is active and has the role it signed in with. */
    public boolean uiSessionStands(Actor actor) {
        if (actor.userId() == null || actor.roles().size() != 1) {
            return false;
        }
        Role role = actor.roles().iterator().next();
        return lookup(new Key(actor.tenantId(), actor.userId(), null)).activeRole().filter(r -> r == role).isPresent();
    }

    /**
     * Whether the user signed in with a temporary password (set by an admin or the operator) not yet changed: such a
     * session may only change the password (and sign out); the API answers everything else 403, the UI shows the change.
     */
    public boolean passwordChangeRequired(UUID tenantId, UUID userId) {
        return userId != null && lookup(new Key(tenantId, userId, null)).passwordTemporary();
    }

    /**
     * A fingerprint of the user's current password (empty when the user is missing or inactive): it changes with every
     * new password, so a UI session that remembers the one it signed in with ends when the password is changed or reset
     * elsewhere. Never the hash itself.
     */
    public String passwordStamp(UUID tenantId, UUID userId) {
        return userId == null ? "" : lookup(new Key(tenantId, userId, null)).passwordStamp();
    }

    private static String stamp(String passwordHash) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forgets this node's cached answers for a user whose sessions just ended (other nodes follow within the cache time). */
    void forget(UUID userId) {
        cache.keySet().removeIf(k -> k.userId().equals(userId));
    }

    private Entry lookup(Key key) {
        long now = System.nanoTime();
        Entry cached = cache.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached;
        }
        Entry fresh = load(key, now + cacheNanos);
        if (cacheNanos > 0) {
            if (cache.size() > 50_000) {
                cache.entrySet().removeIf(en -> now - en.getValue().expiresAt() >= 0);
            }
            cache.put(key, fresh);
        }
        return fresh;
    }

    private Entry load(Key key, long expiresAt) {
        Function<Scope, Entry> work = scope -> {
            Optional<UserRecord> user = Logins.find(scope, key.userId()).filter(UserRecord::active);
            Optional<Role> role = user.map(UserRecord::role);
            boolean live = key.familyId() == null || role.isPresent() && RefreshTokenRepository.familyStands(scope, key.familyId(), key.userId());
            return new Entry(role, live, user.map(UserRecord::passwordTemporary).orElse(false),
                user.map(u -> stamp(u.passwordHash())).orElse(""), expiresAt);
        };
        return key.tenantId() == null ? tx.platform(CHECKER, work::apply)
            : tx.read(NarrowActors.job(CHECKER, key.tenantId(), null), work::apply);
    }
}
