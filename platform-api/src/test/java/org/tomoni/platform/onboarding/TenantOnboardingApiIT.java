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
        // The operator's password is temporary: the admin chooses their own first.
        assertThat(api().post("/api/v1/auth/password", token, Map.of("currentPassword", password, "newPassword", "solidarity-own-choice"))
            .status()).isEqualTo(204);
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

    @Test
    void the_operator_switches_a_module_off_and_its_routes_answer_not_found_until_it_is_back_on() {
        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "switch-fund", "nameJa", "切替基金", "nameEn", "Switch Fund",
            "kind", "grant_fund", "admin", Map.of("username", "admin")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String id = r.json().get("tenant").get("id").asText();
        String admin = ownPassword("switch-fund", r.json().get("admin").get("temporaryPassword").asText());
        assertThat(api().get("/api/v1/gift-plans", admin).status()).isEqualTo(200);

        ApiResponse off = api().put("/api/v1/tenants/" + id + "/modules", operator, Map.of("enabledModules", List.of("members", "grants")), Map.of());
        assertThat(off.status()).as(off.toString()).isEqualTo(200);
        assertThat(off.json().get("settings").get("enabledModules").toString()).doesNotContain("giving");
        assertThat(api().get("/api/v1/gift-plans", admin).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/billing-runs", admin, Map.of("period", "2027-01")).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/public/switch-fund/gift-plans", null).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/people", admin).status()).isEqualTo(200);

        assertThat(api().put("/api/v1/tenants/" + id + "/modules", operator, Map.of("enabledModules", List.of("members", "giving", "grants")),
            Map.of()).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/gift-plans", admin).status()).isEqualTo(200);
    }

    @Test
    void modules_outside_the_kind_or_without_members_are_refused_and_only_the_operator_may_switch() {
        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "refuse-fund", "nameJa", "拒否基金", "nameEn", "Refuse Fund",
            "kind", "grant_fund", "admin", Map.of("username", "admin")));
        String id = r.json().get("tenant").get("id").asText();
        String admin = ownPassword("refuse-fund", r.json().get("admin").get("temporaryPassword").asText());
        ApiResponse foreign = api().put("/api/v1/tenants/" + id + "/modules", operator, Map.of("enabledModules", List.of("members", "consultations")), Map.of());
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.body()).contains("enabledModules");
        assertThat(api().put("/api/v1/tenants/" + id + "/modules", operator, Map.of("enabledModules", List.of("giving")), Map.of()).status())
            .isEqualTo(400);
        assertThat(api().put("/api/v1/tenants/" + id + "/modules", admin, Map.of("enabledModules", List.of("members")), Map.of()).status())
            .isEqualTo(403);
        assertThat(api().put("/api/v1/tenants/" + java.util.UUID.randomUUID() + "/modules", operator, Map.of("enabledModules", List.of("members")),
            Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/gift-plans", admin).status()).as("nothing changed").isEqualTo(200);
    }

    /** The first admin signs in with the operator's temporary password and chooses their own, as at a first sign-in. */
    private String ownPassword(String slug, String temporary) {
        String token = api().login(slug, "admin", temporary);
        assertThat(api().post("/api/v1/auth/password", token, Map.of("currentPassword", temporary, "newPassword", TestTenants.PASSWORD))
            .status()).isEqualTo(204);
        return token;
    }
}
