package org.tomoni.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/v1/audit-log (a tenant admin: the tenant's entries, newest first, filtered by who, what, when and which
 * record, paged, and as CSV) and GET /api/v1/platform/audit-log (the platform operator only); each export is audited.
 */
@MicronautTest(transactional = false)
class AuditLogApiIT extends PlatformTest {
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    TestTenant t;
    String clerk;
    String clerkId;
    String hanako;
    String taro;
    String operator;
    String network;

    @BeforeAll
    void records() {
        t = tenants().create("audit-api");
        hanako = person(t.adminToken(), "花子", "ハナコ");
        taro = person(t.adminToken(), "太郎", "タロウ");
        ApiResponse got = api().get("/api/v1/people/" + taro, t.adminToken());
        ApiResponse updated = api().put("/api/v1/people/" + taro, t.adminToken(), Map.of("familyName", "監査", "givenName", "太郎",
            "familyNameKana", "カンサ", "givenNameKana", "タロウ", "notes", "更新"), Map.of("If-Match", "\"" + got.json().get("version").asLong() + "\""));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        clerk = tenants().userToken(t, "clerk", Role.STAFF);
        person(clerk, "次郎", "ジロウ");
        for (JsonNode u : api().get("/api/v1/users?size=100", t.adminToken()).json().get("items")) {
            if ("clerk".equals(u.get("username").asText())) {
                clerkId = u.get("id").asText();
            }
        }
        context.getBean(PlatformAccounts.class).create("audit-op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        context.getBean(PlatformAccounts.class).create("audit-net", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
        operator = api().login(null, "audit-op", TestTenants.PASSWORD);
        network = api().login(null, "audit-net", TestTenants.PASSWORD);
    }

    private String person(String token, String given, String givenKana) {
        ApiResponse created = api().post("/api/v1/people", token, Map.of("familyName", "監査", "givenName", given,
            "familyNameKana", "カンサ", "givenNameKana", givenKana));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode items(String query) {
        ApiResponse r = api().get("/api/v1/audit-log" + query, t.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().get("items");
    }

    private static List<String> actions(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("action").asText()));
        return out;
    }

    @Test
    void a_tenant_admin_reads_the_log_newest_first() {
        JsonNode items = items("?size=100");
        assertThat(actions(items)).contains("person.create", "person.update", "user.create");
        List<OffsetDateTime> times = new ArrayList<>();
        items.forEach(i -> times.add(OffsetDateTime.parse(i.get("occurredAt").asText())));
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(items.get(0).get("targetType")).isNotNull();
    }

    @Test
    void the_filters_narrow_the_entries_by_what_which_record_who_and_when() {
        assertThat(actions(items("?action=person.update&size=100"))).containsExactly("person.update");

        JsonNode ofTaro = items("?targetType=person&targetId=" + taro + "&size=100");
        assertThat(actions(ofTaro)).containsExactly("person.update", "person.create");
        ofTaro.forEach(i -> assertThat(i.get("targetId").asText()).isEqualTo(taro));

        JsonNode byClerk = items("?actor=" + clerkId + "&size=100");
        // The clerk's sign-in (written before the user is known to the actor, so without actor id) counts as theirs.
        assertThat(actions(byClerk)).contains("person.create", "auth.login").doesNotContain("user.create", "person.update");
        byClerk.forEach(i -> assertThat(i.get("actorName").asText()).startsWith(clerkId));

        LocalDate today = LocalDate.now(TOKYO);
        assertThat(items("?from=" + today + "&to=" + today + "&action=person.create&size=100")).hasSize(3);
        assertThat(items("?from=" + today.plusDays(1) + "&action=person.create")).isEmpty();
        assertThat(items("?to=" + today.minusDays(1) + "&action=person.create")).isEmpty();
    }

    @Test
    void bad_filters_are_reported_by_field() {
        ApiResponse r = api().get("/api/v1/audit-log?targetId=abc&from=2026-12-10&to=2026-12-01&action=DROP%20TABLE", t.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("targetType").contains("\"to\"").contains("action");
    }

    @Test
    void pages_follow_each_other_without_overlap() {
        ApiResponse first = api().get("/api/v1/audit-log?size=2&page=0", t.adminToken());
        ApiResponse second = api().get("/api/v1/audit-log?size=2&page=1", t.adminToken());
        assertThat(first.json().get("items")).hasSize(2);
        assertThat(second.json().get("items")).hasSize(2);
        assertThat(first.json().get("total").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(first.json().get("totalCapped").asBoolean()).isFalse();
        List<String> ids = new ArrayList<>();
        first.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        second.json().get("items").forEach(i -> assertThat(ids).doesNotContain(i.get("id").asText()));
        assertThat(OffsetDateTime.parse(first.json().get("items").get(1).get("occurredAt").asText()))
            .isAfterOrEqualTo(OffsetDateTime.parse(second.json().get("items").get(0).get("occurredAt").asText()));
    }

    @Test
    void a_large_log_is_counted_up_to_the_cap_and_says_so() throws Exception {
        TestTenant big = tenants().create("audit-big");
        try (var c = ownerConnection(big.id()); var st = c.createStatement()) {
            st.executeUpdate("insert into audit_log (tenant_id, id, occurred_at, actor_name, action, target_type, target_id, outcome) "
                + "select '" + big.id() + "', gen_random_uuid(), now() - g * interval '1 second', 'scheduler@audit-big', 'billing_run.run', "
                + "'billing_run', g::text, 'success' from generate_series(1, " + (AuditLog.COUNT_CAP + 5) + ") g");
        }
        ApiResponse r = api().get("/api/v1/audit-log?action=billing_run.run&size=3&page=2", big.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("total").asLong()).isEqualTo(AuditLog.COUNT_CAP);
        assertThat(r.json().get("totalCapped").asBoolean()).isTrue();
        assertThat(r.json().get("items")).hasSize(3);
        assertThat(r.json().get("items").get(0).get("targetId").asText()).as("newest first: the 7th").isEqualTo("7");
        ApiResponse one = api().get("/api/v1/audit-log?targetType=billing_run&targetId=42", big.adminToken());
        assertThat(one.json().get("total").asLong()).isEqualTo(1);
        assertThat(one.json().get("totalCapped").asBoolean()).isFalse();
    }

    @Test
    void the_csv_export_holds_the_filtered_entries_with_japanese_headers_and_is_itself_audited() {
        Api.Bytes csv = api().bytes("/api/v1/audit-log/export?action=person.create", t.adminToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElseThrow()).isEqualTo("text/csv; charset=UTF-8");
        assertThat(csv.headers().firstValue("content-disposition").orElseThrow())
            .contains("filename=\"audit-log.csv\"").contains("filename*=UTF-8''%E7%9B%A3%E6%9F%BB%E3%83%AD%E3%82%B0.csv");
        assertThat(Arrays.copyOf(csv.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("日時,実行者,操作,対象,対象ID,結果,接続元,実行者（記録上の名前）,実行者ID,操作コード,対象の種類コード");
        assertThat(lines).hasSize(4);
        assertThat(text).contains(hanako).contains(taro).contains("person.create").doesNotContain("person.update");
        assertThat(lines.get(1)).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2},.*");

        JsonNode exports = items("?action=audit_log.export&size=100");
        assertThat(exports).isNotEmpty();
        assertThat(exports.get(0).get("targetId").asText()).isEqualTo("3 rows");

        Api.Bytes sjis = api().bytes("/api/v1/audit-log/export?action=person.create&encoding=windows-31j", t.adminToken());
        assertThat(sjis.status()).isEqualTo(200);
        assertThat(sjis.headers().firstValue("content-type").orElseThrow()).isEqualTo("text/csv; charset=windows-31j");
        assertThat(new String(sjis.body(), Charset.forName("windows-31j"))).startsWith("日時,実行者");
        assertThat(items("?action=audit_log.export&size=100")).hasSize(exports.size() + 1);
    }

    @Test
    void staff_and_platform_users_cannot_read_a_tenants_log() {
        assertThat(api().get("/api/v1/audit-log", clerk).status()).isEqualTo(403);
        assertThat(api().bytes("/api/v1/audit-log/export", clerk).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/audit-log", operator).status()).isIn(403, 404);
        assertThat(api().get("/api/v1/platform/audit-log", t.adminToken()).status()).isEqualTo(403);
        assertThat(api().bytes("/api/v1/platform/audit-log/export", t.adminToken()).status()).isEqualTo(403);
        assertThat(api().get("/api/v1/platform/audit-log", network).status()).isEqualTo(403);
    }

    @Test
    void the_operator_reads_and_exports_the_platform_log_and_no_tenants_entries() {
        TestTenant onboarded = tenants().create("audit-onboarded");
        ApiResponse r = api().get("/api/v1/platform/audit-log?action=tenant.onboard&size=100", operator);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(actions(r.json().get("items"))).isNotEmpty().containsOnly("tenant.onboard");
        assertThat(r.body()).contains(onboarded.id().toString());

        ApiResponse logins = api().get("/api/v1/platform/audit-log?action=auth.login&size=100", operator);
        assertThat(logins.json().get("total").asLong()).isPositive();
        assertThat(api().get("/api/v1/platform/audit-log?size=100", operator).body()).doesNotContain(taro).doesNotContain(hanako);

        Api.Bytes csv = api().bytes("/api/v1/platform/audit-log/export?action=tenant.onboard", operator);
        assertThat(csv.status()).isEqualTo(200);
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(text).contains("日時,実行者").contains(onboarded.id().toString());
        assertThat(actions(api().get("/api/v1/platform/audit-log?action=platform_audit_log.export", operator).json().get("items")))
            .containsOnly("platform_audit_log.export").isNotEmpty();
    }
}
