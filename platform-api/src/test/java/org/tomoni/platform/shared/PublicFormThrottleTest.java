package org.tomoni.platform.shared;

import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublicFormThrottleTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));

    @Test
    void each_limit_is_count_per_minutes_and_a_bad_value_stops_start_up_naming_the_variable() {
        assertThat(RateLimit.parse("X", " 10/15 ")).isEqualTo(new RateLimit(10, Duration.ofMinutes(15)));
        for (String bad : new String[] {"10", "0/10", "10/0", "ten/10", "10/10m", "-1/5", "", "10 / 10"}) {
            assertThatThrownBy(() -> new PublicFormThrottle(clock, "10/10", bad, "5/60")).as(bad)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PUBLIC_FORM_LIMIT_PER_TENANT")
                .hasMessageContaining("count/minutes");
        }
        assertThatThrownBy(() -> new PublicFormThrottle(clock, "x", "1/1", "1/1")).hasMessageContaining("PUBLIC_FORM_LIMIT_PER_ADDRESS");
        assertThatThrownBy(() -> new PublicFormThrottle(clock, "1/1", "1/1", "1/")).hasMessageContaining("PUBLIC_FORM_LIMIT_PER_EMAIL");
    }

    @Test
    void a_tenant_is_limited_whatever_addresses_and_emails_its_forms_come_from() {
        PublicFormThrottle throttle = new PublicFormThrottle(clock, "100/10", "3/10", "100/10");
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.acquire("fund", "198.51.100." + i, "a" + i + "@example.jp")).isEmpty();
        }
        assertThat(throttle.acquire("fund", "198.51.100.99", "new@example.jp")).hasValueSatisfying(d ->
            assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(10)));
        assertThat(throttle.acquire("other-fund", "198.51.100.99", "new@example.jp")).as("another tenant").isEmpty();
        clock.advance(Duration.ofMinutes(10));
        assertThat(throttle.acquire("fund", "198.51.100.99", "new@example.jp")).as("after the window").isEmpty();
    }

    @Test
    void an_email_address_is_limited_across_tenants_and_addresses_ignoring_case() {
        PublicFormThrottle throttle = new PublicFormThrottle(clock, "100/10", "100/10", "2/60");
        assertThat(throttle.acquire("a", "198.51.100.1", "victim@example.jp")).isEmpty();
        assertThat(throttle.acquire("b", "198.51.100.2", " Victim@Example.JP")).isEmpty();
        assertThat(throttle.acquire("c", "198.51.100.3", "victim@example.jp")).isPresent();
        assertThat(throttle.acquire("c", "198.51.100.3", "someone@example.jp")).as("a refused attempt counted nothing").isEmpty();
    }
}
