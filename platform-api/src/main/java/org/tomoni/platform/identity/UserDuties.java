package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.Duty;
import org.tomoni.platform.access.DutyLookup;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The duties a tenant admin has granted to the tenant's users (table {@code user_duties}), as the
 * policy learns them ({@link DutyAssignments} changes them). Answers are cached per node for the session check's time
 * ({@code platform.security.session-check-cache}, 4 s, at most 5 s) like {@link Sessions}: a
 * duty given or taken away shows on this node at once and on every other within those seconds,
 * in open UI sessions and unexpired tokens alike, since the duties are never copied into either.
 */
@Singleton
class UserDuties implements DutyLookup {
    private static final Duration MAX_CACHE = Duration.ofSeconds(5);
    /** What the lookup's reads record as their actor (a job of no capability); they write nothing. */
    private static final String LOOKUP = "duty-lookup";

    private final TenantTransactions tx;
    private final long cacheNanos;
    private final Map<Key, Entry> cache = new ConcurrentHashMap<>();

    UserDuties(TenantTransactions tx, @Value("${platform.security.session-check-cache:4s}") Duration cacheFor) {
        this.tx = tx;
        if (cacheFor.isNegative() || cacheFor.compareTo(MAX_CACHE) > 0) {
            throw new IllegalStateException("platform.security.session-check-cache must be between 0 and 5s, is " + cacheFor);
        }
        this.cacheNanos = cacheFor.toNanos();
    }

    private record Key(UUID tenantId, UUID userId) {
    }

    private record Entry(Set<Duty> duties, long expiresAt) {
    }

    @Override
    public Set<Duty> dutiesOf(UUID tenantId, UUID userId) {
        Key key = new Key(tenantId, userId);
        long now = System.nanoTime();
        Entry cached = cache.get(key);
        if (cached != null && now - cached.expiresAt() < 0) {
            return cached.duties();
        }
        Set<Duty> fresh = tx.read(NarrowActors.job(LOOKUP, tenantId, null), scope -> toDuties(UserDutyRepository.codesOf(scope, userId)));
        if (cacheNanos > 0) {
            if (cache.size() > 50_000) {
                cache.entrySet().removeIf(en -> now - en.getValue().expiresAt() >= 0);
            }
            cache.put(key, new Entry(fresh, now + cacheNanos));
        }
        return fresh;
    }

    /** Forgets this node's cached duties of a user whose duties just changed (other nodes follow within the cache time). */
    void forget(UUID tenantId, UUID userId) {
        cache.remove(new Key(tenantId, userId));
    }

    static Set<Duty> toDuties(List<String> codes) {
        Set<Duty> duties = EnumSet.noneOf(Duty.class);
        codes.forEach(c -> Duty.fromCode(c).ifPresent(duties::add));
        return duties;
    }
}
