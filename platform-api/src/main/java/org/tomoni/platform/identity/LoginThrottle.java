package org.tomoni.platform.identity;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address over a sliding window; past the
 * threshold further attempts are refused until the oldest failure leaves the window. Kept in
 * memory per node: behind a load balancer each node throttles on its own.
 */
@Singleton
class LoginThrottle {
    private final Clock clock;
    private final int maxPerAccount;
    private final int maxPerAddress;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock,
                  @Value("${platform.security.login.max-failures-per-account:5}") int maxPerAccount,
                  @Value("${platform.security.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${platform.security.login.window:15m}") Duration window) {
        this.clock = clock;
        this.maxPerAccount = maxPerAccount;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
    }

    /** How long the caller must wait, if either key is over its limit. */
    Optional<Duration> blockedFor(String accountKey, String address) {
        Instant now = clock.instant();
        Optional<Duration> account = wait("acct:" + accountKey, maxPerAccount, now);
        Optional<Duration> addr = address == null ? Optional.empty() : wait("addr:" + address, maxPerAddress, now);
        if (account.isPresent() && addr.isPresent()) {
            return Optional.of(account.get().compareTo(addr.get()) > 0 ? account.get() : addr.get());
        }
        return account.isPresent() ? account : addr;
    }

    void recordFailure(String accountKey, String address) {
        Instant now = clock.instant();
        add("acct:" + accountKey, now);
        if (address != null) {
            add("addr:" + address, now);
        }
    }

    void recordSuccess(String accountKey) {
        failures.remove("acct:" + accountKey);
    }

    private void add(String key, Instant now) {
        Deque<Instant> q = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            prune(q, now);
            q.addLast(now);
        }
        if (failures.size() > 10_000) {
            forgetExpired(now);
        }
    }

    /** Drops keys whose failures have all left the window, so the map does not grow without bound. */
    void forgetExpired(Instant now) {
        failures.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                prune(e.getValue(), now);
                return e.getValue().isEmpty();
            }
        });
    }

    int trackedKeys() {
        return failures.size();
    }

    private Optional<Duration> wait(String key, int max, Instant now) {
        Deque<Instant> q = failures.get(key);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            prune(q, now);
            if (q.size() < max) {
                return Optional.empty();
            }
            Duration left = Duration.between(now, q.peekFirst().plus(window));
            return Optional.of(left.isNegative() ? Duration.ZERO : left);
        }
    }

    private void prune(Deque<Instant> q, Instant now) {
        while (!q.isEmpty() && !q.peekFirst().plus(window).isAfter(now)) {
            q.pollFirst();
        }
    }
}
