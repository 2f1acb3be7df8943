package org.tomoni.platform.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class PeopleApiIT extends PlatformTest {
    TestTenant t;

    @BeforeAll
    void createTenant() {
        t = tenants().create("people-test");
    }

    @Test
    void a_person_is_created_normalised_and_read_back() {
        ApiResponse r = create(person("山田", "太郎", "やまだ", "ﾀﾛｳ")
            .with("birthDate", "1980-04-01").with("email", " Taro.Yamada@Example.JP ").with("phone", "090-1234-5678")
            .with("postalCode", "〒100-0001").with("prefecture", "13").with("city", "千代田区").with("addressLine1", "千代田１－１")
            .with("addressLine2", "ともにビル3F").with("notes", "メモ"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        JsonNode p = r.json();
        assertThat(r.header("Location")).isEqualTo("/api/v1/people/" + p.get("id").asText());
        assertThat(r.header("ETag")).isEqualTo("\"0\"");
        assertThat(p.get("familyNameKana").asText()).isEqualTo("ヤマダ");
        assertThat(p.get("givenNameKana").asText()).isEqualTo("タロウ");
        assertThat(p.get("email").asText()).isEqualTo("taro.yamada@example.jp");
        assertThat(p.get("phone").asText()).isEqualTo("09012345678");
        assertThat(p.get("postalCode").asText()).isEqualTo("1000001");
        assertThat(p.get("prefecture").asText()).isEqualTo("東京都");
        assertThat(p.get("addressLine1").asText()).as("as typed").isEqualTo("千代田１－１");
        assertThat(p.get("birthDate").asText()).isEqualTo("1980-04-01");
        assertThat(p.get("version").asLong()).isZero();
        assertThat(p.get("createdBy").asText()).contains("people-test");

        ApiResponse read = api().get("/api/v1/people/" + p.get("id").asText(), t.adminToken());
        assertThat(read.status()).isEqualTo(200);
        var stored = (com.fasterxml.jackson.databind.node.ObjectNode) read.json();
        assertThat(stored.get("relationships")).isEmpty();
        assertThat(stored.get("memberships")).isEmpty();
        stored.remove(List.of("relationships", "affiliations", "memberships"));
        var answered = (com.fasterxml.jackson.databind.node.ObjectNode) p.deepCopy();
        answered.remove("possibleDuplicates");
        assertThat(stored).isEqualTo(answered);
    }

    @Test
    void invalid_input_is_a_problem_naming_every_bad_field_in_japanese_or_english_and_nothing_is_stored() {
        long before = total("");
        Map<String, Object> bad = person("", "花子", "Hanako", "").with("birthDate", "2999-01-01").with("email", "not-an-address")
            .with("phone", "12345").with("postalCode", "12-34").with("prefecture", "東京");
        ApiResponse ja = create(bad);
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.contentType()).startsWith("application/problem+json");
        assertThat(ja.json().get("code").asText()).isEqualTo("validation_failed");
        assertThat(fields(ja)).containsExactlyInAnyOrder("familyName", "familyNameKana", "givenNameKana", "birthDate", "email",
            "phone", "postalCode", "prefecture");
        assertThat(ja.json().get("errors").get(0).get("message").asText()).isEqualTo("入力してください。");

        ApiResponse en = api().send("POST", "/api/v1/people", t.adminToken(), bad, Map.of("Accept-Language", "en-US,en;q=0.9"));
        assertThat(en.json().get("title").asText()).isEqualTo("Some of the input is invalid.");
        assertThat(en.json().get("errors").get(0).get("message").asText()).isEqualTo("Required.");
        assertThat(total("")).isEqualTo(before);
    }

    @Test
    void unreadable_json_is_a_malformed_request_problem() {
        ApiResponse r = api().post("/api/v1/people", t.adminToken(), "{\"familyName\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void an_update_needs_the_current_version_and_a_stale_one_is_a_conflict() {
        JsonNode p = create(person("更新", "前", "コウシン", "マエ")).json();
        String path = "/api/v1/people/" + p.get("id").asText();
        Map<String, Object> changed = person("更新", "後", "コウシン", "アト").with("city", "横浜市");

        assertThat(api().put(path, t.adminToken(), changed, Map.of()).status()).as("no If-Match").isEqualTo(428);
        ApiResponse ok = api().put(path, t.adminToken(), changed, Map.of("If-Match", "\"0\""));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("givenName").asText()).isEqualTo("後");
        assertThat(ok.json().get("version").asLong()).isEqualTo(1);
        assertThat(ok.header("ETag")).isEqualTo("\"1\"");

        ApiResponse stale = api().put(path, t.adminToken(), person("更新", "競合", "コウシン", "キョウゴウ"), Map.of("If-Match", "\"0\""));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asText()).isEqualTo("version_conflict");
        assertThat(api().get(path, t.adminToken()).json().get("givenName").asText()).isEqualTo("後");

        ApiResponse invalid = api().put(path, t.adminToken(), person("", "後", "コウシン", "アト"), Map.of("If-Match", "1"));
        assertThat(invalid.status()).isEqualTo(400);
    }

    @Test
    void delete_archives_the_person_out_of_lookups_and_lists() {
        JsonNode p = create(person("削除", "予定", "サクジョ", "ヨテイ")).json();
        String path = "/api/v1/people/" + p.get("id").asText();
        assertThat(api().delete(path, t.adminToken()).status()).isEqualTo(204);
        assertThat(api().get(path, t.adminToken()).status()).isEqualTo(404);
        assertThat(api().delete(path, t.adminToken()).status()).isEqualTo(404);
        assertThat(total("サクジョ")).isZero();
    }

    @Test
    void the_list_is_sorted_by_reading_and_searchable_by_names_readings_email_and_phone() {
        create(person("渡部", "権兵衛", "ワタナベ", "ゴンベエ").with("email", "ichiro@watanabe.example").with("phone", "0312345678"));
        create(person("安藤", "権兵衛", "アンドウ", "ゴンベエ"));
        create(person("河野", "権兵衛", "コウノ", "ゴンベエ"));
        create(person("後藤", "権兵衛", "ゴトウ", "ゴンベエ"));
        List<String> readings = new ArrayList<>();
        api().get("/api/v1/people?q=" + enc("ゴンベエ") + "&size=100", t.adminToken()).json().get("items")
            .forEach(i -> readings.add(i.get("familyNameKana").asText()));
        assertThat(readings).containsExactly("アンドウ", "コウノ", "ゴトウ", "ワタナベ");

        assertThat(total("わたなべ")).as("hiragana").isEqualTo(1);
        assertThat(total("ﾜﾀﾅﾍﾞ")).as("half-width").isEqualTo(1);
        assertThat(total("ワタナベ ゴンベエ")).as("with a space").isEqualTo(1);
        assertThat(total("渡部")).as("name").isEqualTo(1);
        assertThat(total("ICHIRO@watanabe")).as("email").isEqualTo(1);
        assertThat(total("03-1234-5678")).as("phone with hyphens").isEqualTo(1);
        assertThat(total("100%_")).as("wildcards are literal").isZero();
    }

    @Test
    void lists_are_paged_with_a_stable_order_and_a_capped_size() {
        for (int i = 0; i < 5; i++) {
            create(person("頁", "送" + i, "ページ", "オクリ"));
        }
        JsonNode first = api().get("/api/v1/people?q=" + enc("ページ") + "&page=0&size=2", t.adminToken()).json();
        JsonNode third = api().get("/api/v1/people?q=" + enc("ページ") + "&page=2&size=2", t.adminToken()).json();
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(third.get("items")).hasSize(1);
        assertThat(api().get("/api/v1/people?size=1000", t.adminToken()).json().get("size").asInt()).isEqualTo(100);
    }

    @Test
    void read_only_users_read_but_do_not_write_and_platform_users_are_refused() {
        JsonNode p = create(person("閲覧", "専用", "エツラン", "センヨウ")).json();
        String readOnly = tenants().userToken(t, "viewer", Role.READ_ONLY);
        assertThat(api().get("/api/v1/people/" + p.get("id").asText(), readOnly).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/people", readOnly, person("書", "込", "カキ", "コミ")).status()).isEqualTo(403);
        assertThat(api().delete("/api/v1/people/" + p.get("id").asText(), readOnly).status()).isEqualTo(403);

        context.getBean(PlatformAccounts.class).create("op-people", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        String operator = api().login(null, "op-people", TestTenants.PASSWORD);
        assertThat(api().get("/api/v1/people", operator).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/people/" + p.get("id").asText(), operator).status()).isIn(403, 404);
    }

    @Test
    void people_changes_are_audited() throws Exception {
        String id = create(person("監査", "対象", "カンサ", "タイショウ")).json().get("id").asText();
        api().delete("/api/v1/people/" + id, t.adminToken());
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             var rs = s.executeQuery("select string_agg(action, ',' order by occurred_at) from audit_log where target_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("person.create,person.archive");
        }
    }

    private ApiResponse create(Map<String, Object> body) {
        return api().post("/api/v1/people", t.adminToken(), body);
    }

    private long total(String q) {
        return api().get("/api/v1/people?q=" + enc(q), t.adminToken()).json().get("total").asLong();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> fields(ApiResponse r) {
        List<String> f = new ArrayList<>();
        r.json().get("errors").forEach(e -> f.add(e.get("field").asText()));
        return f;
    }

    static Body person(String family, String given, String familyKana, String givenKana) {
        Body b = new Body();
        b.put("familyName", family);
        b.put("givenName", given);
        b.put("familyNameKana", familyKana);
        b.put("givenNameKana", givenKana);
        return b;
    }

    /** A request body built field by field. */
    static final class Body extends HashMap<String, Object> {
        Body with(String field, Object value) {
            put(field, value);
            return this;
        }
    }
}
