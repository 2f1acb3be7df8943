package org.tomoni.platform.shared;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** API answers carrying personal data are never stored by a browser or a cache, and no port names its server. */
@MicronautTest(transactional = false)
class ApiResponseHeadersIT extends PlatformTest {
    TestTenant t;

    @BeforeAll
    void tenant() {
        t = tenants().create("headers-a", "grant_fund");
        api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly"));
    }

    @Test
    void authenticated_answers_login_answers_refusals_and_errors_are_no_store() {
        List<ApiResponse> answers = List.of(
            api().get("/api/v1/people", t.adminToken()),
            api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "")),
            api().get("/api/v1/people", null),
            api().get("/api/v1/users", t.adminToken()),
            api().get("/api/v1/people/export", t.adminToken()),
            api().post("/api/v1/auth/login", null, Map.of("tenant", "headers-a", "username", "admin", "password", "wrong")),
            api().post("/api/v1/auth/login", null, Map.of("tenant", "headers-a", "username", "admin",
                "password", org.tomoni.platform.testing.TestTenants.PASSWORD)),
            api().get("/api/v1/nothing-here", t.adminToken()));
        assertThat(answers).allSatisfy(r -> {
            assertThat(r.header("cache-control")).as(r.toString()).isEqualTo("no-store");
            assertThat(r.header("x-content-type-options")).isEqualTo("nosniff");
        });
        assertThat(answers).extracting(ApiResponse::status).contains(200, 400, 401);
    }

    @Test
    void every_public_donor_route_is_no_store() {
        List<ApiResponse> answers = List.of(
            api().get("/api/v1/public/gifts/not-a-token", null),
            api().post("/api/v1/public/gifts/not-a-token/pause", null, Map.of()),
            api().post("/api/v1/public/headers-a/recurring-gifts", null, Map.of("donor", Map.of())));
        assertThat(answers).allSatisfy(r -> assertThat(r.header("cache-control")).as(r.toString()).isEqualTo("no-store"));
    }

    @Test
    void the_public_catalogue_read_holds_nothing_personal_and_may_be_cached() {
        ApiResponse plans = api().get("/api/v1/public/headers-a/gift-plans", null);
        assertThat(plans.status()).isEqualTo(200);
        assertThat(plans.header("cache-control")).isNull();
        assertThat(plans.header("x-content-type-options")).isEqualTo("nosniff");
    }

    @Test
    void neither_the_api_port_nor_the_management_port_sends_a_server_header() {
        assertThat(api().get("/health", null).headers().map()).doesNotContainKey("server");
        assertThat(api().get("/api/v1/people", t.adminToken()).headers().map()).doesNotContainKey("server");
        assertThat(management().get("/health", null).headers().map()).doesNotContainKey("server");
    }
}
