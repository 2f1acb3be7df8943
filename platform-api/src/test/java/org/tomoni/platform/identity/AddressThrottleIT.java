package org.tomoni.platform.identity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AddressThrottleIT extends PlatformTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.security.login.max-failures-per-account", "100",
            "platform.security.login.max-failures-per-address", "4");
    }

    @Test
    void failures_spread_over_many_accounts_from_one_address_are_throttled_per_address() {
        tenants().create("addr-test");
        for (int i = 0; i < 4; i++) {
            assertThat(login("user" + i, "wrong-password").status()).isEqualTo(401);
        }
        ApiResponse blocked = login("admin", TestTenants.PASSWORD);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
    }

    private ApiResponse login(String user, String password) {
        return api().post("/api/v1/auth/login", null, Map.of("tenant", "addr-test", "username", user, "password", password));
    }
}
