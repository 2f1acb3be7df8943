package org.tomoni.platform.identity;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, 10, Duration.ofMinutes(15));

    @Test
    void an_account_is_blocked_after_the_threshold_until_the_oldest_failure_leaves_the_window() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.blockedFor("t:alice", "10.0.0.1")).isEmpty();
            throttle.recordFailure("t:alice", "10.0.0.1");
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.blockedFor("t:alice", "10.0.0.2")).hasValue(Duration.ofMinutes(12));
        assertThat(throttle.blockedFor("t:bob", "10.0.0.2")).isEmpty();
        clock.advance(Duration.ofMinutes(12));
        assertThat(throttle.blockedFor("t:alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void a_success_clears_the_accounts_failures() {
        throttle.recordFailure("t:carol", null);
        throttle.recordFailure("t:carol", null);
        throttle.recordSuccess("t:carol");
        throttle.recordFailure("t:carol", null);
        throttle.recordFailure("t:carol", null);
        assertThat(throttle.blockedFor("t:carol", null)).isEmpty();
    }

    @Test
    void keys_whose_failures_left_the_window_are_forgotten() {
        throttle.recordFailure("t:old", "10.1.1.1");
        clock.advance(Duration.ofMinutes(16));
        throttle.recordFailure("t:new", null);
        throttle.forgetExpired(clock.instant());
        assertThat(throttle.trackedKeys()).isEqualTo(1);
    }

    @Test
    void an_address_is_blocked_after_failures_on_many_accounts() {
        for (int i = 0; i < 10; i++) {
            throttle.recordFailure("t:user" + i, "10.9.9.9");
        }
        assertThat(throttle.blockedFor("t:someone-else", "10.9.9.9")).isPresent();
        assertThat(throttle.blockedFor("t:someone-else", "10.9.9.8")).isEmpty();
    }
}
