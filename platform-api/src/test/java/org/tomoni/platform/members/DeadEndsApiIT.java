package org.tomoni.platform.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API under the screens' new actions: a branch is deleted only once nobody is in it, an
 * archived person is listed by a filter and restored, and a gift plan is edited (its amount only
 * while no gift uses it) and unpublished; each for one tenant only.
 */
@MicronautTest(transactional = false)
class DeadEndsApiIT extends PlatformTest {
    TestTenant t;
    TestTenant other;
    String staff;

    @BeforeAll
    void twoTenants() {
        t = tenants().create("deadends-api", "membership_organization");
        other = tenants().create("deadends-api-b", "membership_organization");
        staff = tenants().userToken(t, "deadends-staff", Role.STAFF);
    }

    private static String id(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private static Map<String, String> ifMatch(long version) {
        return Map.of("If-Match", "\"" + version + "\"");
    }

    @Test
    void a_branch_with_people_in_it_is_not_deleted_and_says_so_and_an_empty_one_is() {
        String branch = id(api().post("/api/v1/branches", t.adminToken(), Map.of("name", "南支部", "nameKana", "ミナミシブ")));
        String person = id(api().post("/api/v1/people", staff, Map.of("familyName", "南", "givenName", "一郎", "familyNameKana", "ミナミ",
            "givenNameKana", "イチロウ", "branchId", branch)));

        ApiResponse refused = api().delete("/api/v1/branches/" + branch, t.adminToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("in_use");
        assertThat(refused.json().get("title").asText()).isEqualTo("まだ使われているため、この操作はできません。先に使っている記録を変更してください。");
        assertThat(api().get("/api/v1/branches/" + branch, staff).status()).isEqualTo(200);
        assertThat(api().delete("/api/v1/branches/" + branch, staff).status()).as("staff do not keep branches").isEqualTo(403);

        JsonNode p = api().get("/api/v1/people/" + person, staff).json();
        ApiResponse moved = api().put("/api/v1/people/" + person, staff, Map.of("familyName", "南", "givenName", "一郎", "familyNameKana", "ミナミ",
            "givenNameKana", "イチロウ"), ifMatch(p.get("version").asLong()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(api().delete("/api/v1/branches/" + branch, t.adminToken()).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/branches/" + branch, staff).status()).isEqualTo(404);
    }

    @Test
    void an_archived_person_leaves_the_list_is_listed_by_the_archived_filter_and_is_restored() {
        String person = id(api().post("/api/v1/people", staff, Map.of("familyName", "書庫", "givenName", "花子", "familyNameKana", "ショコ",
            "givenNameKana", "ハナコ")));
        assertThat(api().delete("/api/v1/people/" + person, staff).status()).isEqualTo(204);
        assertThat(api().get("/api/v1/people?q=ショコ", staff).json().get("total").asLong()).isZero();
        JsonNode archived = api().get("/api/v1/people?q=ショコ&archived=true", staff).json();
        assertThat(archived.get("total").asLong()).isEqualTo(1);
        assertThat(archived.get("items").get(0).get("id").asText()).isEqualTo(person);
        assertThat(api().get("/api/v1/people?q=ショコ&archived=true", other.adminToken()).json().get("total").asLong())
            .as("another tenant's archive").isZero();
        assertThat(api().post("/api/v1/people/" + person + "/restore", other.adminToken(), Map.of()).status()).isEqualTo(404);

        ApiResponse restored = api().post("/api/v1/people/" + person + "/restore", staff, Map.of());
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(api().get("/api/v1/people?q=ショコ", staff).json().get("total").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/people?q=ショコ&archived=true", staff).json().get("total").asLong()).isZero();
        assertThat(api().post("/api/v1/people/" + person + "/restore", staff, Map.of()).status()).as("not archived").isEqualTo(404);
    }

    @Test
    void a_plan_is_edited_with_its_version_keeps_its_amount_once_gifts_use_it_and_an_unpublished_one_leaves_the_public_list() {
        String plan = id(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "編集プラン", "unitAmount", 500, "interval", "monthly")));
        String path = "/api/v1/gift-plans/" + plan;
        Map<String, Object> body = new HashMap<>(Map.of("name", "編集プラン改", "unitAmount", 700, "interval", "monthly", "purpose", "学習支援"));
        assertThat(api().put(path, t.adminToken(), body, Map.of()).status()).as("no If-Match").isEqualTo(428);
        assertThat(api().put(path, staff, body, ifMatch(0)).status()).as("staff do not keep plans").isEqualTo(403);
        assertThat(api().put(path, other.adminToken(), body, ifMatch(0)).status()).as("another tenant").isEqualTo(404);
        ApiResponse edited = api().put(path, t.adminToken(), body, ifMatch(0));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(edited.json().get("unitAmount").asLong()).isEqualTo(700);
        assertThat(edited.json().get("purpose").asText()).isEqualTo("学習支援");
        assertThat(api().put(path, t.adminToken(), body, ifMatch(0)).status()).as("stale version").isEqualTo(409);

        String person = id(api().post("/api/v1/people", staff, Map.of("familyName", "寄付", "givenName", "次郎", "familyNameKana", "キフ",
            "givenNameKana", "ジロウ")));
        id(api().post("/api/v1/recurring-gifts", t.adminToken(), Map.of("personId", person, "planId", plan, "units", 1,
            "paymentMethod", "direct_debit", "startMonth", "2027-01")));
        long version = edited.json().get("version").asLong();
        body.put("unitAmount", 900);
        body.put("interval", "yearly");
        ApiResponse repriced = api().put(path, t.adminToken(), body, ifMatch(version));
        assertThat(repriced.status()).isEqualTo(400);
        assertThat(repriced.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("unitAmount", "interval");
        assertThat(repriced.json().get("errors").get(0).get("code").asText()).isEqualTo("plan_in_use");
        assertThat(api().get(path, staff).json().get("unitAmount").asLong()).isEqualTo(700);

        body.put("unitAmount", 700);
        body.put("interval", "monthly");
        body.put("published", false);
        ApiResponse unpublished = api().put(path, t.adminToken(), body, ifMatch(version));
        assertThat(unpublished.status()).as(unpublished.toString()).isEqualTo(200);
        assertThat(unpublished.json().get("published").asBoolean()).isFalse();
        JsonNode publicPlans = api().get("/api/v1/public/deadends-api/gift-plans", null).json();
        assertThat(publicPlans.get("items").findValuesAsText("name")).doesNotContain("編集プラン改");
        JsonNode gifts = api().get("/api/v1/recurring-gifts", t.adminToken()).json();
        assertThat(gifts.get("items").findValuesAsText("planName")).contains("編集プラン改");

        body.put("published", true);
        assertThat(api().put(path, t.adminToken(), body, ifMatch(unpublished.json().get("version").asLong())).status()).isEqualTo(200);
        assertThat(api().get("/api/v1/public/deadends-api/gift-plans", null).json().get("items").findValuesAsText("name")).contains("編集プラン改");
    }
}
