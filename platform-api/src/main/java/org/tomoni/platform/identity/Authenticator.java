package org.tomoni.platform.identity;

import jakarta.inject.Singleton;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.persistence.AuditTrail;
import org.tomoni.platform.persistence.AuditTrail.Result;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantStatus;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a login (organisation slug, user, password), for the API and the admin UI alike.
 * Unknown organisation, unknown user, inactive user and wrong password all answer the same,
 * after the same password work; failures are throttled per account and per address, audited.
 */
@Singleton
public class Authenticator {
    private final TenantRegistry tenants;
    private final TenantTransactions tx;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditTrail audit;

    Authenticator(TenantRegistry tenants, TenantTransactions tx, PasswordHasher hasher, LoginThrottle throttle, AuditTrail audit) {
        this.tenants = tenants;
        this.tx = tx;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** How a login attempt ended. */
    public sealed interface Attempt {
        record Authenticated(Actor actor) implements Attempt {
        }

        record Invalid() implements Attempt {
        }

        record Throttled(Duration retryAfter) implements Attempt {
        }
    }

    public Attempt authenticate(String tenantSlug, String username, String password, String clientAddress) {
        String user = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        String slug = tenantSlug == null || tenantSlug.isBlank() ? null : tenantSlug.strip().toLowerCase(Locale.ROOT);
        String accountKey = (slug == null ? "" : slug) + ":" + user;
        Optional<Duration> blocked = throttle.blockedFor(accountKey, clientAddress);
        if (blocked.isPresent()) {
            return new Attempt.Throttled(blocked.get());
        }
        Optional<Actor> actor = slug == null ? platformLogin(user, password, clientAddress)
            : tenantLogin(slug, user, password, clientAddress);
        if (actor.isEmpty()) {
            throttle.recordFailure(accountKey, clientAddress);
            return new Attempt.Invalid();
        }
        throttle.recordSuccess(accountKey);
        return new Attempt.Authenticated(actor.get());
    }

    private Optional<Actor> tenantLogin(String slug, String user, String password, String address) {
        Optional<Tenant> tenant = tenants.findBySlug(slug)
            .filter(t -> TenantStatus.fromCode(t.status()).map(TenantStatus::admitsLogins).orElse(false));
        if (tenant.isEmpty()) {
            hasher.verifyNothing(password);
            tx.platform(TokenService.AUTH, scope -> {
                audit.recordAnonymous(scope, user + "@" + slug, "auth.login", Result.FAILURE, address);
                return null;
            });
            return Optional.empty();
        }
        Tenant t = tenant.get();
        // Nobody is signed in yet: the tenant's transaction is the auth job's, which holds no capability.
        return tx.write(NarrowActors.job(TokenService.AUTH, t), scope -> {
            Optional<UserRecord> found = UserRepository.findByUsername(scope, user);
            Optional<Actor> actor = verified(found, password).map(u -> actorOf(u, t.slug(), address));
            Result result = actor.isPresent() ? Result.SUCCESS : Result.FAILURE;
            audit.recordAnonymous(scope, found.map(u -> u.id().toString()).orElse(user), "auth.login", result, address);
            return actor;
        });
    }

    private Optional<Actor> platformLogin(String user, String password, String address) {
        return tx.platform(TokenService.AUTH, scope -> {
            Optional<UserRecord> found = PlatformUserRepository.findByUsername(scope, user);
            Optional<Actor> actor = verified(found, password).map(u -> actorOf(u, null, address));
            audit.recordAnonymous(scope, found.map(u -> u.id().toString()).orElse(user), "auth.login",
                actor.isPresent() ? Result.SUCCESS : Result.FAILURE, address);
            return actor;
        });
    }

    private Optional<UserRecord> verified(Optional<UserRecord> found, String password) {
        if (found.isEmpty()) {
            hasher.verifyNothing(password);
            return Optional.empty();
        }
        boolean ok = hasher.verify(password, found.get().passwordHash());
        return ok && found.get().active() ? found : Optional.empty();
    }

    static Actor actorOf(UserRecord u, String slug, String address) {
        return new Actor(u.id(), u.id().toString(), u.tenantId(), slug, Set.of(u.role()), address);
    }
}
