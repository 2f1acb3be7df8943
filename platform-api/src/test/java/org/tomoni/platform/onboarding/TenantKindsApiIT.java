package org.tomoni.platform.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Tenant kinds as data: the operator's API, its checks, and onboarding by a kind made through it. */
@MicronautTest(transactional = false)
class TenantKindsApiIT extends PlatformTest {
    String operator;

    @BeforeAll
    void operator() {
        context.getBean(PlatformAccounts.class).create("kinds-op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        operator = api().login(null, "kinds-op", TestTenants.PASSWORD);
    }

    private static Map<String, Object> kind(String code, List<String> modules, Map<String, Object> templates) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("nameJa", "地域食堂");
        body.put("nameEn", "Community kitchen");
        body.put("modules", modules);
        body.put("fiscalYearStartMonth", 1);
        body.put("vocabulary", Map.of("member", "サポーター"));
        body.put("templates", templates);
        return body;
    }

    private static List<String> fields(ApiResponse r) {
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }

    private static String messageOf(ApiResponse r, String field) {
        for (JsonNode e : r.json().get("errors")) {
            if (e.get("field").asText().equals(field)) {
                return e.get("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + ": " + r);
    }

    @Test
    void the_operator_creates_a_kind_and_reads_it_back_by_its_location_and_in_the_paged_list() {
        ApiResponse created = api().post("/api/v1/tenant-kinds", operator, kind("kitchen", List.of("members", "events"),
            Map.of("branches", List.of(Map.of("name", "本部")), "funds", List.of(Map.of("name", "食材基金")))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/tenant-kinds/kitchen");
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.json().get("modules").toString()).isEqualTo("[\"events\",\"members\"]");
        assertThat(created.json().get("vocabulary").get("member").asText()).isEqualTo("サポーター");
        assertThat(created.json().get("templates").get("funds").get(0).get("name").asText())
            .as("a module not built yet keeps its template as given").isEqualTo("食材基金");

        ApiResponse read = api().get(created.header("Location"), operator);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("nameJa").asText()).isEqualTo("地域食堂");
        assertThat(read.json().get("fiscalYearStartMonth").asInt()).isEqualTo(1);

        ApiResponse all = api().get("/api/v1/tenant-kinds?size=100", operator);
        assertThat(all.status()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        all.json().get("items").forEach(k -> codes.add(k.get("code").asText()));
        assertThat(codes).as("in a stable order, by code").isSorted().contains("children_fund", "consultation_center", "hub_network",
            "grant_fund", "membership_organization", "other", "kitchen");
        assertThat(all.json().get("total").asLong()).isEqualTo(codes.size());
        ApiResponse second = api().get("/api/v1/tenant-kinds?page=1&size=2", operator);
        assertThat(second.json().get("page").asInt()).isEqualTo(1);
        assertThat(second.json().get("size").asInt()).isEqualTo(2);
        assertThat(second.json().get("total").asLong()).isEqualTo(codes.size());
        assertThat(second.json().get("items").get(0).get("code").asText()).isEqualTo(codes.get(2));
        assertThat(api().get("/api/v1/tenant-kinds/no_such_kind", operator).status()).isEqualTo(404);
    }

    @Test
    void a_kind_is_changed_with_if_match_and_a_stale_or_missing_version_is_refused() {
        api().post("/api/v1/tenant-kinds", operator, kind("choir", List.of("members"), Map.of()));
        Map<String, Object> change = kind("choir", List.of("members", "events", "petitions"), Map.of());
        change.put("nameJa", "合唱団");
        ApiResponse missing = api().put("/api/v1/tenant-kinds/choir", operator, change, Map.of());
        assertThat(missing.status()).isEqualTo(428);

        ApiResponse ok = api().put("/api/v1/tenant-kinds/choir", operator, change, Map.of("If-Match", "\"0\""));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo("\"1\"");
        assertThat(ok.json().get("nameJa").asText()).isEqualTo("合唱団");
        assertThat(ok.json().get("modules").toString()).contains("petitions");

        ApiResponse stale = api().put("/api/v1/tenant-kinds/choir", operator, change, Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("version_conflict");

        Map<String, Object> renamed = new LinkedHashMap<>(change);
        renamed.put("code", "orchestra");
        ApiResponse recoded = api().put("/api/v1/tenant-kinds/choir", operator, renamed, Map.of("If-Match", "\"1\""));
        assertThat(recoded.status()).isEqualTo(400);
        assertThat(fields(recoded)).containsExactly("code");
        assertThat(api().put("/api/v1/tenant-kinds/no_such_kind", operator, change, Map.of("If-Match", "\"0\"")).status()).isEqualTo(404);
    }

    @Test
    void a_taken_code_is_refused_as_a_duplicate() {
        ApiResponse taken = api().post("/api/v1/tenant-kinds", operator, kind("children_fund", List.of("members"), Map.of()));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("duplicate");
        assertThat(fields(taken)).containsExactly("code");
        assertThat(messageOf(taken, "code")).isEqualTo("すでに使われています。");
        assertThat(api().get("/api/v1/tenant-kinds/children_fund", operator).json().get("modules").toString()).contains("childfund");
    }

    @Test
    void bad_input_is_refused_naming_each_field_with_a_japanese_message_and_nothing_is_created() {
        Map<String, Object> bad = kind("Bad-Code", List.of("members", "teleportation"), Map.of(
            "colours", List.of(Map.of("name", "赤")),
            "branches", List.of(Map.of("name", "本部", "colour", "赤"), "not an object", Map.of("name", 12)),
            "giftPlans", List.of(Map.of("name", "毎月", "unitAmount", 1.5))));
        bad.put("fiscalYearStartMonth", 13);
        bad.put("vocabulary", Map.of("Member Label", "会員", "member", ""));
        bad.put("nameJa", "");
        ApiResponse r = api().post("/api/v1/tenant-kinds", operator, bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("code", "nameJa", "modules[1]", "fiscalYearStartMonth", "vocabulary.Member Label",
            "vocabulary.member", "templates.colours", "templates.branches[0].colour", "templates.branches[1]", "templates.branches[2].name",
            "templates.giftPlans", "templates.giftPlans[0].unitAmount");
        assertThat(messageOf(r, "code")).contains("children_fund");
        assertThat(messageOf(r, "modules[1]")).isEqualTo("登録されていないモジュールコードです。");
        assertThat(messageOf(r, "fiscalYearStartMonth")).isEqualTo("年度の開始月は1〜12で指定してください。");
        assertThat(messageOf(r, "templates.colours")).isEqualTo("この項目は使えません。");
        assertThat(messageOf(r, "templates.giftPlans")).contains("モジュール");

        ApiResponse english = api().send("POST", "/api/v1/tenant-kinds", operator, bad, Map.of("Accept-Language", "en"));
        assertThat(messageOf(english, "fiscalYearStartMonth")).isEqualTo("The fiscal year's first month must be 1 to 12.");

        ApiResponse withoutMembers = api().post("/api/v1/tenant-kinds", operator, kind("no_members", List.of("giving"), Map.of()));
        assertThat(withoutMembers.status()).isEqualTo(400);
        assertThat(fields(withoutMembers)).containsExactly("modules");
        assertThat(api().get("/api/v1/tenant-kinds/bad_code", operator).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/tenant-kinds/no_members", operator).status()).isEqualTo(404);
    }

    @Test
    void tenant_admins_staff_and_the_network_office_get_forbidden_on_every_tenant_kinds_route() {
        var t = tenants().create("kinds-tenant");
        String staff = tenants().userToken(t, "kinds-staff", Role.STAFF);
        context.getBean(PlatformAccounts.class).create("kinds-net", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
        String network = api().login(null, "kinds-net", TestTenants.PASSWORD);
        Map<String, Object> body = kind("sneaky", List.of("members"), Map.of());
        for (String token : List.of(t.adminToken(), staff, network)) {
            assertThat(api().get("/api/v1/tenant-kinds", token).status()).isEqualTo(403);
            assertThat(api().get("/api/v1/tenant-kinds/other", token).status()).isEqualTo(403);
            assertThat(api().post("/api/v1/tenant-kinds", token, body).status()).isEqualTo(403);
            assertThat(api().put("/api/v1/tenant-kinds/other", token, body, Map.of("If-Match", "\"0\"")).status()).isEqualTo(403);
        }
        assertThat(api().get("/api/v1/tenant-kinds", null).status()).isEqualTo(401);
        assertThat(api().get("/api/v1/tenant-kinds/sneaky", operator).status()).as("nothing was created").isEqualTo(404);
        assertThat(api().get("/api/v1/tenant-kinds/other", operator).json().get("version").asLong()).as("nothing was changed").isZero();
    }

    @Test
    void a_kind_made_through_the_api_onboards_a_tenant_with_exactly_its_modules_vocabulary_and_branches() {
        ApiResponse k = api().post("/api/v1/tenant-kinds", operator, kind("hall", List.of("members", "events"),
            Map.of("branches", List.of(Map.of("name", "東支部", "nameKana", "ひがししぶ"), Map.of("name", "西支部")),
                "membershipTypes", List.of(Map.of("name", "正会員", "feeYen", 3000, "period", "yearly", "perUnit", false,
                    "memberKind", "person")),
                "customQuestions", List.of(Map.of("label", "アレルギー")))));
        assertThat(k.status()).as(k.toString()).isEqualTo(201);

        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "town-hall", "nameJa", "町の公民館", "nameEn", "Town hall",
            "kind", "hall", "admin", Map.of("username", "admin")));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode settings = r.json().get("tenant").get("settings");
        assertThat(settings.get("enabledModules").toString()).isEqualTo("[\"events\",\"members\"]");
        assertThat(settings.get("fiscalYearStartMonth").asInt()).isEqualTo(1);
        assertThat(settings.get("vocabulary").get("member").asText()).isEqualTo("サポーター");
        String tenantId = r.json().get("tenant").get("id").asText();
        String admin = api().firstLogin("town-hall", "admin", r.json().get("admin").get("temporaryPassword").asText());

        ApiResponse branches = api().get("/api/v1/branches", admin);
        assertThat(branches.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        branches.json().get("items").forEach(b -> names.add(b.get("name").asText() + "/" + b.get("nameKana").asText()));
        assertThat(names).containsExactlyInAnyOrder("東支部/ヒガシシブ", "西支部/null");
        assertThat(api().get("/api/v1/membership-types", admin).json().get("items").get(0).get("feeYen").asLong()).isEqualTo(3000);

        assertThat(api().get("/api/v1/gift-plans", admin).status()).as("giving is not the kind's").isEqualTo(404);
        assertThat(api().get("/api/v1/public/town-hall/gift-plans", null).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/people", admin).status()).isEqualTo(200);

        ApiResponse giving = api().put("/api/v1/tenants/" + tenantId + "/modules", operator,
            Map.of("enabledModules", List.of("members", "giving")), Map.of());
        assertThat(giving.status()).as("only the kind's modules can be switched on").isEqualTo(400);
        assertThat(api().put("/api/v1/tenants/" + tenantId + "/modules", operator, Map.of("enabledModules", List.of("members")), Map.of())
            .status()).isEqualTo(200);
    }

    @Test
    void gift_plan_templates_are_applied_to_a_tenant_with_giving_and_skipped_for_one_onboarded_without_it() {
        ApiResponse k = api().post("/api/v1/tenant-kinds", operator, kind("bazaar", List.of("members", "giving"),
            Map.of("giftPlans", List.of(Map.of("name", "毎月の応援", "unitAmount", 1000, "interval", "monthly", "purpose", "活動全般")))));
        assertThat(k.status()).as(k.toString()).isEqualTo(201);
        ApiResponse with = api().post("/api/v1/tenants", operator, Map.of("slug", "bazaar-a", "nameJa", "バザーA", "nameEn", "Bazaar A",
            "kind", "bazaar", "admin", Map.of("username", "admin")));
        assertThat(with.status()).as(with.toString()).isEqualTo(201);
        String a = api().firstLogin("bazaar-a", "admin", with.json().get("admin").get("temporaryPassword").asText());
        JsonNode plans = api().get("/api/v1/gift-plans", a).json().get("items");
        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).get("name").asText()).isEqualTo("毎月の応援");
        assertThat(plans.get(0).get("unitAmount").asLong()).isEqualTo(1000);

        ApiResponse without = api().post("/api/v1/tenants", operator, Map.of("slug", "bazaar-b", "nameJa", "バザーB", "nameEn", "Bazaar B",
            "kind", "bazaar", "settings", Map.of("fiscalYearStartMonth", 4, "enabledModules", List.of("members")),
            "admin", Map.of("username", "admin")));
        assertThat(without.status()).as(without.toString()).isEqualTo(201);
        assertThat(without.json().get("tenant").get("settings").get("vocabulary").get("member").asText())
            .as("the kind's vocabulary under the settings given").isEqualTo("サポーター");
        String b = api().firstLogin("bazaar-b", "admin", without.json().get("admin").get("temporaryPassword").asText());
        api().put("/api/v1/tenants/" + without.json().get("tenant").get("id").asText() + "/modules", operator,
            Map.of("enabledModules", List.of("members", "giving")), Map.of());
        assertThat(api().get("/api/v1/gift-plans", b).json().get("total").asLong()).isZero();
    }

    @Test
    void a_template_the_module_refuses_creates_no_tenant_no_admin_and_no_branch() throws SQLException {
        ApiResponse k = api().post("/api/v1/tenant-kinds", operator, kind("twice", List.of("members"),
            Map.of("branches", List.of(Map.of("name", "本部"), Map.of("name", "本部")))));
        assertThat(k.status()).as("the shape is right; the second branch's name is taken only once the first exists").isEqualTo(201);
        long branchesBefore = countPastRls("branches");
        long usersBefore = countPastRls("users");

        ApiResponse r = api().post("/api/v1/tenants", operator, Map.of("slug", "half-kind", "nameJa", "途中", "nameEn", "Half",
            "kind", "twice", "admin", Map.of("username", "admin")));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("templates.branches[1].name");
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("taken");
        assertThat(api().get("/api/v1/tenants", operator).body()).doesNotContain("half-kind");
        assertThat(countPastRls("branches")).isEqualTo(branchesBefore);
        assertThat(countPastRls("users")).isEqualTo(usersBefore);

        Map<String, Object> fixed = kind("twice", List.of("members"), Map.of("branches", List.of(Map.of("name", "本部"))));
        assertThat(api().put("/api/v1/tenant-kinds/twice", operator, fixed, Map.of("If-Match", "\"0\"")).status()).isEqualTo(200);
        ApiResponse again = api().post("/api/v1/tenants", operator, Map.of("slug", "half-kind", "nameJa", "途中", "nameEn", "Half",
            "kind", "twice", "admin", Map.of("username", "admin")));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(countPastRls("branches")).isEqualTo(branchesBefore + 1);
    }

    /** Rows of a tenant table across all tenants: counted by the owner with RLS lifted in a transaction that is rolled back. */
    private long countPastRls(String table) throws SQLException {
        try (Connection c = ownerConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("alter table " + table + " no force row level security");
                try (ResultSet rs = st.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.rollback();
            }
        }
    }
}
