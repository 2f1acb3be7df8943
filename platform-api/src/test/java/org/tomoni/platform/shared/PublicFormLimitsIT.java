package org.tomoni.platform.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Public forms are limited per tenant and per e-mail address as well as per client address. */
@MicronautTest(transactional = false)
class PublicFormLimitsIT extends PlatformTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.public-forms.limit-per-address", "1000/10",
            "platform.public-forms.limit-per-tenant", "4/10",
            "platform.public-forms.limit-per-email", "2/60");
    }

    @BeforeAll
    void createTenants() {
        tenants().create("busy");
        tenants().create("quiet");
        tenants().create("mailed-a");
        tenants().create("mailed-b");
    }

    @Test
    void a_tenant_over_its_limit_answers_429_with_retry_after_while_other_tenants_go_on() {
        for (int i = 0; i < 4; i++) {
            assertThat(signUp("busy", "busy" + i + "@example.jp").status()).isNotEqualTo(429);
        }
        ApiResponse blocked = signUp("busy", "busy-new@example.jp");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(blocked.header("Content-Type")).contains("application/problem+json");
        assertThat(signUp("quiet", "quiet@example.jp").status()).isNotEqualTo(429);
    }

    @Test
    void one_email_address_is_limited_across_tenants() {
        assertThat(signUp("mailed-a", "target@example.jp").status()).isNotEqualTo(429);
        assertThat(signUp("mailed-b", "TARGET@example.jp").status()).isNotEqualTo(429);
        ApiResponse blocked = signUp("mailed-a", "target@example.jp");
        assertThat(blocked.status()).as(blocked.toString()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(signUp("mailed-b", "other@example.jp").status()).isNotEqualTo(429);
    }

    private ApiResponse signUp(String slug, String email) {
        return api().send("POST", "/api/v1/public/" + slug + "/recurring-gifts", null, Map.of("donor", Map.of("email", email)),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
