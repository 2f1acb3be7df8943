package org.tomoni.platform.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The party model through the API: organisations, branches, relationships, affiliations, flags, sensitivity. */
@MicronautTest(transactional = false)
class PartiesApiIT extends PlatformTest {
    TestTenant t;
    String staff;

    @BeforeAll
    void createTenant() {
        t = tenants().create("parties", "children_fund");
        staff = tenants().userToken(t, "staffer", Role.STAFF);
    }

    @Test
    void organisations_are_created_validated_updated_searched_and_archived() {
        ApiResponse created = api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "電機連合", "nameKana", "でんきれんごう",
            "kind", "union_federation", "phone", "03-3455-6911", "prefecture", "13"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode o = created.json();
        assertThat(o.get("nameKana").asText()).isEqualTo("デンキレンゴウ");
        assertThat(o.get("prefecture").asText()).isEqualTo("東京都");

        ApiResponse bad = api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "", "nameKana", "Denki", "kind", "bank"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "nameKana", "kind");

        String path = "/api/v1/organizations/" + o.get("id").asText();
        ApiResponse updated = api().put(path, staff, Map.of("name", "電機連合（電機・電子・情報関連産業労働組合連合会）", "nameKana", "デンキレンゴウ",
            "kind", "union_federation"), Map.of("If-Match", "\"0\""));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(api().put(path, staff, Map.of("name", "x", "nameKana", "エックス", "kind", "npo"), Map.of("If-Match", "\"0\"")).status())
            .isEqualTo(409);
        assertThat(api().get("/api/v1/organizations?q=" + enc("でんき"), staff).json().get("total").asLong()).isEqualTo(1);
        assertThat(api().delete(path, staff).status()).isEqualTo(204);
        assertThat(api().get(path, staff).status()).isEqualTo(404);
    }

    @Test
    void branches_are_kept_by_admins_and_people_and_organisations_are_assigned_to_them() {
        ApiResponse forbidden = api().post("/api/v1/branches", staff, Map.of("name", "群馬支部"));
        assertThat(forbidden.status()).isEqualTo(403);
        String branch = idOf(api().post("/api/v1/branches", t.adminToken(), Map.of("name", "群馬支部", "nameKana", "グンマシブ")));
        assertThat(api().post("/api/v1/branches", t.adminToken(), Map.of("name", "群馬支部")).json().get("errors").get(0).get("code").asText())
            .isEqualTo("taken");
        String person = idOf(api().post("/api/v1/people", staff, Map.of("familyName", "支部", "givenName", "所属", "familyNameKana", "シブ",
            "givenNameKana", "ショゾク", "branchId", branch)));
        idOf(api().post("/api/v1/organizations", staff, Map.of("name", "群馬の団体", "nameKana", "グンマノダンタイ", "kind", "npo", "branchId", branch)));
        JsonNode b = api().get("/api/v1/branches/" + branch, staff).json();
        assertThat(b.get("peopleCount").asLong()).isEqualTo(1);
        assertThat(b.get("organizationCount").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/people?branchId=" + branch, staff).json().get("items").get(0).get("id").asText()).isEqualTo(person);
        ApiResponse unknownBranch = api().post("/api/v1/people", staff, Map.of("familyName", "支部", "givenName", "不明", "familyNameKana", "シブ",
            "givenNameKana", "フメイ", "branchId", "01900000-0000-7000-8000-000000000000"));
        assertThat(fields(unknownBranch)).containsExactly("branchId");
    }

    @Test
    void a_person_read_carries_relationships_affiliations_and_memberships() {
        String parent = person("親", "太郎", "オヤ", "タロウ", false);
        String child = person("親", "花子", "オヤ", "ハナコ", false);
        String union = idOf(api().post("/api/v1/organizations", staff, Map.of("name", "自治労", "nameKana", "ジチロウ", "kind", "union_federation")));
        ApiResponse rel = api().post("/api/v1/relationships", staff, Map.of("personId", parent, "relatedPersonId", child, "kind", "parent",
            "startsOn", "2012-08-03"));
        assertThat(rel.status()).as(rel.toString()).isEqualTo(201);
        assertThat(rel.json().get("relatedPersonName").asText()).isEqualTo("親 花子");
        assertThat(api().post("/api/v1/relationships", staff, Map.of("personId", parent, "relatedPersonId", parent, "kind", "spouse")).status())
            .isEqualTo(400);
        assertThat(api().post("/api/v1/relationships", staff, Map.of("personId", parent, "relatedPersonId", child, "kind", "parent")).status())
            .as("the same link twice").isEqualTo(400);
        ApiResponse aff = api().post("/api/v1/affiliations", staff, Map.of("personId", parent, "organizationId", union, "role", "組合員",
            "startsOn", "2020-04-01", "endsOn", "2019-01-01"));
        assertThat(fields(aff)).containsExactly("endsOn");
        idOf(api().post("/api/v1/affiliations", staff, Map.of("personId", parent, "organizationId", union, "role", "組合員")));

        JsonNode read = api().get("/api/v1/people/" + parent, staff).json();
        assertThat(read.get("relationships")).hasSize(1);
        assertThat(read.get("relationships").get(0).get("kind").asText()).isEqualTo("parent");
        assertThat(read.get("affiliations").get(0).get("organizationName").asText()).isEqualTo("自治労");
        assertThat(read.get("memberships")).isEmpty();
        assertThat(api().get("/api/v1/organizations/" + union, staff).json().get("affiliations").get(0).get("personName").asText())
            .isEqualTo("親 太郎");
        assertThat(api().get("/api/v1/relationships?personId=" + child, staff).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void sensitive_people_stay_out_of_staff_lists_lookups_and_links_while_admins_see_them_and_are_audited() throws Exception {
        String child = person("要配慮", "子", "ヨウハイリョ", "コ", true);
        String parent = person("要配慮", "親", "ヨウハイリョ", "オヤ", false);
        assertThat(api().post("/api/v1/relationships", t.adminToken(), Map.of("personId", parent, "relatedPersonId", child, "kind", "parent"))
            .status()).isEqualTo(201);

        assertThat(api().get("/api/v1/people/" + child, staff).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/people?q=" + enc("ヨウハイリョ"), staff).json().get("total").asLong()).isEqualTo(1);
        assertThat(api().get("/api/v1/people/" + parent, staff).json().get("relationships")).isEmpty();
        assertThat(api().put("/api/v1/people/" + child, staff, Map.of("familyName", "x", "givenName", "y", "familyNameKana", "エ",
            "givenNameKana", "ワイ"), Map.of("If-Match", "0")).status()).isEqualTo(404);

        assertThat(api().get("/api/v1/people?q=" + enc("ヨウハイリョ"), t.adminToken()).json().get("total").asLong()).isEqualTo(2);
        JsonNode asAdmin = api().get("/api/v1/people/" + child, t.adminToken()).json();
        assertThat(asAdmin.get("sensitive").asBoolean()).isTrue();
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from audit_log where action = 'person.read_sensitive' and target_id = '" + child + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void a_put_without_the_sensitive_field_keeps_the_person_hidden_from_staff() {
        String child = person("秘匿", "保持", "ヒトク", "ホジ", true);
        ApiResponse put = api().put("/api/v1/people/" + child, t.adminToken(), Map.of("familyName", "秘匿", "givenName", "保持",
            "familyNameKana", "ヒトク", "givenNameKana", "ホジ", "notes", "住所変更"), Map.of("If-Match", "0"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("sensitive").asBoolean()).as("an absent field keeps its value").isTrue();
        assertThat(api().get("/api/v1/people/" + child, staff).status()).isEqualTo(404);

        Map<String, Object> cleared = new java.util.HashMap<>(Map.of("familyName", "秘匿", "givenName", "保持", "familyNameKana", "ヒトク",
            "givenNameKana", "ホジ", "sensitive", false));
        ApiResponse explicit = api().put("/api/v1/people/" + child, t.adminToken(), cleared, Map.of("If-Match", "1"));
        assertThat(explicit.json().get("sensitive").asBoolean()).as("an explicit false clears it").isFalse();
    }

    @Test
    void consent_flags_are_stored_and_filter_the_list() {
        api().post("/api/v1/people", staff, Map.of("familyName", "旗", "givenName", "同意", "familyNameKana", "ハタ", "givenNameKana", "ドウイ",
            "newsletterConsent", true, "noPostalMail", true));
        api().post("/api/v1/people", staff, Map.of("familyName", "旗", "givenName", "故人", "familyNameKana", "ハタ", "givenNameKana", "コジン",
            "deceasedOn", "2025-01-10", "noEmail", true));
        assertThat(names("/api/v1/people?q=" + enc("ハタ") + "&newsletterConsent=true")).containsExactly("旗 同意");
        assertThat(names("/api/v1/people?q=" + enc("ハタ") + "&deceased=true")).containsExactly("旗 故人");
        assertThat(names("/api/v1/people?q=" + enc("ハタ") + "&noEmail=false")).containsExactly("旗 同意");
    }

    private List<String> names(String path) {
        List<String> names = new ArrayList<>();
        api().get(path, staff).json().get("items").forEach(p -> names.add(p.get("familyName").asText() + " " + p.get("givenName").asText()));
        return names;
    }

    private String person(String family, String given, String familyKana, String givenKana, boolean sensitive) {
        return idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", family, "givenName", given,
            "familyNameKana", familyKana, "givenNameKana", givenKana, "sensitive", sensitive)));
    }

    static String idOf(ApiResponse created) {
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static List<String> fields(ApiResponse r) {
        List<String> f = new ArrayList<>();
        r.json().get("errors").forEach(e -> f.add(e.get("field").asText()));
        return f;
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
