package org.tomoni.platform.onboarding;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class TenantOnboardingApiIT extends PlatformTest {
    String operator;

    @BeforeAll
    void operator() {
        context.getBean(PlatformAccounts.class).create("op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        operator = api().login(null, "op", TestTenants.PASSWORD);
    }

    @Test
    void the_operator_onboards_an_organisation_whose_first_admin_can_log_in_without_any_code_change() {
        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "solidarity", "nameJa", "日本社会連帯機構",
            "nameEn", "Japan Social Solidarity Organisation", "kind", "membership_organization",
            "admin", Map.of("username", "admin", "displayName", "事務局長")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("tenant").get("settings").get("fiscalYearStartMonth").asInt()).isEqualTo(4);
        assertThat(r.json().get("tenant").get("settings").get("enabledModules").toString()).contains("members", "giving", "events");
        String password = r.json().get("admin").get("temporaryPassword").asText();
        String token = api().login("solidarity", "admin", password);
        assertThat(api().get("/api/v1/people", token).json().get("total").asLong()).isZero();
        assertThat(api().get("/api/v1/tenants", operator).body()).contains("solidarity");
    }

    @Test
    void settings_given_as_data_are_kept() {
        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "january-fund", "nameJa", "一月基金", "nameEn", "January Fund",
            "kind", "grant_fund", "settings", Map.of("fiscalYearStartMonth", 1, "enabledModules", List.of("members", "grants"),
                "vocabulary", Map.of("member", "サポーター")),
            "admin", Map.of("username", "admin")));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("tenant").get("settings").get("fiscalYearStartMonth").asInt()).isEqualTo(1);
        assertThat(r.json().get("tenant").get("settings").get("vocabulary").get("member").asText()).isEqualTo("サポーター");
    }

    @Test
    void a_module_outside_the_kind_cannot_be_switched_on() {
        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "wrong-modules", "nameJa", "誤", "nameEn", "Wrong",
            "kind", "grant_fund", "settings", Map.of("fiscalYearStartMonth", 4, "enabledModules", List.of("members", "childfund")),
            "admin", Map.of("username", "admin")));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("settings.enabledModules");
    }

    @Test
    void bad_input_and_a_taken_slug_are_refused_naming_each_field_and_nothing_is_created() {
        ApiResponse bad = api().post("/api/v1/tenants", operator, Map.of("slug", "Bad Slug", "nameJa", "", "nameEn", "x", "kind", "bank",
            "admin", Map.of("username", "a")));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("slug", "nameJa", "kind");

        api().post("/api/v1/tenants", operator, Map.of("slug", "taken-org", "nameJa", "既存", "nameEn", "Existing", "kind", "other",
            "admin", Map.of("username", "admin")));
        ApiResponse taken = api().post("/api/v1/tenants", operator, Map.of("slug", "taken-org", "nameJa", "重複", "nameEn", "Dup", "kind", "other",
            "admin", Map.of("username", "admin")));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("errors").get(0).get("code").asText()).isEqualTo("taken");

        ApiResponse badAdmin = api().post("/api/v1/tenants", operator, Map.of("slug", "half-made", "nameJa", "半端", "nameEn", "Half",
            "kind", "other", "admin", Map.of("username", "x", "password", "short")));
        assertThat(badAdmin.status()).isEqualTo(400);
        assertThat(badAdmin.json().get("errors").get(0).get("field").asText()).startsWith("admin.");
        assertThat(api().get("/api/v1/tenants", operator).body()).doesNotContain("half-made");
    }

    @Test
    void tenant_admins_and_the_network_office_cannot_onboard() {
        var t = tenants().create("some-org");
        assertThat(api().post("/api/v1/tenants", t.adminToken(), Map.of("slug", "x-org", "nameJa", "x", "nameEn", "x", "kind", "other",
            "admin", Map.of("username", "admin"))).status()).isEqualTo(403);
        context.getBean(PlatformAccounts.class).create("net", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
        String network = api().login(null, "net", TestTenants.PASSWORD);
        assertThat(api().post("/api/v1/tenants", network, Map.of("slug", "y-org")).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/tenants", network).status()).isEqualTo(403);
    }
}
