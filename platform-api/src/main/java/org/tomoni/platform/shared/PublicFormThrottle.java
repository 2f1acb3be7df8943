package org.tomoni.platform.shared;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The one throttle in front of every public form (gift sign-ups now; applications,
 * registrations and signatures later): each form sends a mail to an address the caller
 * chooses, so each is limited per client address, per tenant and per e-mail address. The
 * limits are settings ({@code PUBLIC_FORM_LIMIT_PER_ADDRESS}, {@code _PER_TENANT},
 * {@code _PER_EMAIL}, each "count/minutes"); a load test raises them, nothing bypasses them.
 * Kept in memory per node.
 */
@Context
public class PublicFormThrottle {
    private final RateLimiter perAddress;
    private final RateLimiter perTenant;
    private final RateLimiter perEmail;

    PublicFormThrottle(Clock clock,
                       @Value("${platform.public-forms.limit-per-address:10/10}") String perAddress,
                       @Value("${platform.public-forms.limit-per-tenant:100/10}") String perTenant,
                       @Value("${platform.public-forms.limit-per-email:5/60}") String perEmail) {
        this.perAddress = limiter(clock, "PUBLIC_FORM_LIMIT_PER_ADDRESS (platform.public-forms.limit-per-address)", perAddress);
        this.perTenant = limiter(clock, "PUBLIC_FORM_LIMIT_PER_TENANT (platform.public-forms.limit-per-tenant)", perTenant);
        this.perEmail = limiter(clock, "PUBLIC_FORM_LIMIT_PER_EMAIL (platform.public-forms.limit-per-email)", perEmail);
    }

    private static RateLimiter limiter(Clock clock, String setting, String value) {
        RateLimit limit = RateLimit.parse(setting, value);
        return new RateLimiter(clock, limit.count(), limit.window());
    }

    /**
     * Counts one submission of a public form and returns empty, or, when any of the three limits
     * is reached, how long to wait (and counts nothing). {@code tenant} is the tenant's slug or id
     * as the form names it, {@code email} the address the form would write to (may be null).
     */
    public Optional<Duration> acquire(String tenant, String clientAddress, String email) {
        String address = "addr:" + (clientAddress == null ? "unknown" : clientAddress);
        String tenantKey = "tenant:" + (tenant == null ? "" : tenant.strip().toLowerCase(Locale.ROOT));
        String emailKey = email == null || email.isBlank() ? null : "email:" + email.strip().toLowerCase(Locale.ROOT);
        Optional<Duration> wait = longest(perAddress.waitFor(address), perTenant.waitFor(tenantKey),
            emailKey == null ? Optional.empty() : perEmail.waitFor(emailKey));
        if (wait.isPresent()) {
            return wait;
        }
        perAddress.acquire(address);
        perTenant.acquire(tenantKey);
        if (emailKey != null) {
            perEmail.acquire(emailKey);
        }
        return Optional.empty();
    }

    /** Whole seconds for a Retry-After header: at least 1, rounded up. */
    public static long retryAfterSeconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    @SafeVarargs
    private static Optional<Duration> longest(Optional<Duration>... waits) {
        Optional<Duration> best = Optional.empty();
        for (Optional<Duration> w : waits) {
            if (w.isPresent() && (best.isEmpty() || w.get().compareTo(best.get()) > 0)) {
                best = w;
            }
        }
        return best;
    }
}
