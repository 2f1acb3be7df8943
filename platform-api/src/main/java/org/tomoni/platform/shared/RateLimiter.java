package org.tomoni.platform.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code max} events per key within a sliding window, kept in memory per node. Keys whose
 * events have all left the window are forgotten so the map stays small.
 */
public final class RateLimiter {
    private final Clock clock;
    private final int max;
    private final Duration window;
    private final Map<String, Deque<Instant>> events = new ConcurrentHashMap<>();

    public RateLimiter(Clock clock, int max, Duration window) {
        this.clock = clock;
        this.max = max;
        this.window = window;
    }

    /** How long to wait before the key may have another event, without recording one. */
    public Optional<Duration> waitFor(String key) {
        Instant now = clock.instant();
        Deque<Instant> q = events.get(key);
        if (q == null) {
            return Optional.empty();
        }
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(window))) {
                q.pollFirst();
            }
            if (q.size() < max) {
                return Optional.empty();
            }
            Duration wait = Duration.between(now, q.peekFirst().plus(window));
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        }
    }

    /** Records the event and returns empty, or how long to wait when the key is over its limit. */
    public Optional<Duration> acquire(String key) {
        Instant now = clock.instant();
        Deque<Instant> q = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (q) {
            while (!q.isEmpty() && !q.peekFirst().isAfter(now.minus(window))) {
                q.pollFirst();
            }
            if (q.size() >= max) {
                Duration wait = Duration.between(now, q.peekFirst().plus(window));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            q.addLast(now);
        }
        if (events.size() > 10_000) {
            events.entrySet().removeIf(e -> {
                synchronized (e.getValue()) {
                    return e.getValue().isEmpty() || !e.getValue().peekLast().isAfter(now.minus(window));
                }
            });
        }
        return Optional.empty();
    }
}
