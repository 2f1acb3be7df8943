package org.tomoni.platform.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** With no trusted proxy configured (the default), forwarding headers a client sends change nothing. */
@MicronautTest(transactional = false)
class SpoofedForwardingIT extends PlatformTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.security.login.max-failures-per-account", "100",
            "platform.security.login.max-failures-per-address", "3",
            "platform.public-forms.limit-per-address", "3/10");
    }

    @BeforeAll
    void tenant() {
        tenants().create("spoof");
    }

    @Test
    void a_new_forwarded_for_header_on_every_attempt_does_not_escape_the_login_limit_per_address() {
        for (int i = 0; i < 3; i++) {
            assertThat(login("user" + i, Map.of("X-Forwarded-For", "203.0.113." + i, "Forwarded", "for=198.51.100." + i)).status())
                .isEqualTo(401);
        }
        ApiResponse blocked = login("admin", Map.of("X-Forwarded-For", "203.0.113.200", "Forwarded", "for=198.51.100.200",
            "X-Real-IP", "192.0.2.1"));
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
    }

    @Test
    void a_new_forwarded_for_header_on_every_sign_up_does_not_escape_the_public_form_limit_per_address() {
        for (int i = 0; i < 3; i++) {
            ApiResponse r = signUp("donor" + i + "@example.jp", "203.0.113." + (50 + i));
            assertThat(r.status()).as(r.toString()).isNotEqualTo(429);
        }
        ApiResponse blocked = signUp("donor9@example.jp", "203.0.113.99");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isPositive();
        assertThat(blocked.json().get("code").asText()).isNotBlank();
    }

    private ApiResponse login(String user, Map<String, String> headers) {
        return api().send("POST", "/api/v1/auth/login", null, Map.of("tenant", "spoof", "username", user, "password", "wrong-password"),
            headers);
    }

    private ApiResponse signUp(String email, String forwardedFor) {
        return api().send("POST", "/api/v1/public/spoof/recurring-gifts", null, Map.of("donor", Map.of("email", email)),
            Map.of("Idempotency-Key", java.util.UUID.randomUUID().toString(), "X-Forwarded-For", forwardedFor));
    }
}
