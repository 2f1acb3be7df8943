package org.tomoni.platform.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.members.PartiesApiIT.enc;
import static org.tomoni.platform.members.PartiesApiIT.idOf;

/** CSV for Excel both ways, in UTF-8 with BOM and windows-31j, all or nothing on import. */
@MicronautTest(transactional = false)
class PeopleCsvIT extends PlatformTest {
    private static final String HARD = "～ － ① 髙";
    private final HttpClient http = HttpClient.newHttpClient();
    TestTenant t;

    @BeforeAll
    void createTenant() {
        t = tenants().create("csv-test");
    }

    @Test
    void an_export_opens_in_excel_with_a_bom_and_a_japanese_header_and_is_audited() throws Exception {
        idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "出力", "givenName", "確認", "familyNameKana", "シュツリョク",
            "givenNameKana", "カクニン", "phone", "09012345678", "postalCode", "1000001", "notes", "=HYPERLINK(\"x\")")));
        HttpResponse<byte[]> r = download("/api/v1/people/export", t.adminToken());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("content-type").orElse("")).contains("text/csv");
        assertThat(r.headers().firstValue("content-disposition").orElse("")).contains("attachment").contains("filename*=UTF-8''");
        byte[] body = r.body();
        assertThat(body[0]).isEqualTo((byte) 0xEF);
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).startsWith("会員番号,姓,名,セイ,メイ,生年月日");
        assertThat(text).contains("090-1234-5678").contains("100-0001").contains("'=HYPERLINK");
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from audit_log where action = 'people.export'")) {
            rs.next();
            assertThat(rs.getLong(1)).isPositive();
        }
        assertThat(download("/api/v1/people/export?encoding=ebcdic", t.adminToken()).statusCode()).isEqualTo(400);
    }

    @Test
    void a_windows_31j_file_with_hard_characters_round_trips_unchanged() throws Exception {
        String id = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "髙橋", "givenName", "往復", "familyNameKana", "タカハシ",
            "givenNameKana", "オウフク", "notes", HARD, "email", "roundtrip@example.jp")));
        JsonNode before = api().get("/api/v1/people/" + id, t.adminToken()).json();
        byte[] sjis = download("/api/v1/people/export?encoding=windows-31j&q=" + enc("オウフク"), t.adminToken()).body();
        String decoded = new String(sjis, ExcelCsv.WINDOWS_31J);
        assertThat(decoded).contains("髙橋").contains(HARD);
        assertThat(new String(sjis, StandardCharsets.ISO_8859_1)).doesNotContain("?");

        JsonNode result = importCsv(sjis, t.adminToken(), 200);
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        assertThat(result.get("created").asInt()).isZero();
        JsonNode after = api().get("/api/v1/people/" + id, t.adminToken()).json();
        assertThat(after.get("familyName").asText()).isEqualTo("髙橋");
        assertThat(after.get("notes").asText()).isEqualTo(HARD);
        assertThat(after.get("email")).isEqualTo(before.get("email"));
    }

    @Test
    void an_import_with_english_headers_creates_and_updates_by_member_number_or_email() throws Exception {
        idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "既存", "givenName", "メール", "familyNameKana", "キゾン",
            "givenNameKana", "メール", "email", "existing@example.jp")));
        String csv = "familyName,givenName,familyNameKana,givenNameKana,email,postalCode,prefecture,memberNumber,newsletterConsent\r\n"
            + "既存,更新,キゾン,コウシン,existing@example.jp,150-0001,東京都,,1\r\n"
            + "新規,花子,しんき,はなこ,new-one@example.jp,2310023,14,987654,0\r\n";
        JsonNode result = importCsv(csv.getBytes(StandardCharsets.UTF_8), t.adminToken(), 200);
        assertThat(result.get("created").asInt()).isEqualTo(1);
        assertThat(result.get("updated").asInt()).isEqualTo(1);
        JsonNode updated = api().get("/api/v1/people?q=existing%40example.jp", t.adminToken()).json().get("items").get(0);
        assertThat(updated.get("givenName").asText()).isEqualTo("更新");
        assertThat(updated.get("newsletterConsent").asBoolean()).isTrue();
        JsonNode created = api().get("/api/v1/people?q=new-one", t.adminToken()).json().get("items").get(0);
        assertThat(created.get("memberNumber").asLong()).isEqualTo(987654);
        assertThat(created.get("familyNameKana").asText()).isEqualTo("シンキ");
        assertThat(created.get("prefecture").asText()).isEqualTo("神奈川県");

        String again = "会員番号,姓,名,セイ,メイ\r\n987654,新規,花子改,シンキ,ハナコ\r\n";
        assertThat(importCsv(again.getBytes(StandardCharsets.UTF_8), t.adminToken(), 200).get("updated").asInt()).isEqualTo(1);
    }

    @Test
    void any_invalid_row_rejects_the_whole_file_naming_every_bad_row_and_field() throws Exception {
        long before = api().get("/api/v1/people", t.adminToken()).json().get("total").asLong();
        String csv = "姓,名,セイ,メイ,郵便番号,メールアドレス,謎の列\r\n"
            + "正常,一,セイジョウ,イチ,1000001,ok@example.jp,\r\n"
            + ",二,セイジョウ,ニ,12,bad-mail,\r\n"
            + "正常,三,Seijou,サン,,,\r\n";
        JsonNode problem = importCsv(csv.getBytes(StandardCharsets.UTF_8), t.adminToken(), 422);
        assertThat(problem.get("code").asText()).isEqualTo("unprocessable_file");
        assertThat(problem.get("errors").toString()).contains("\"field\":\"謎の列\"");
        String withoutUnknown = csv.replace(",謎の列", "").replace(",\r\n", "\r\n");
        JsonNode rows = importCsv(withoutUnknown.getBytes(StandardCharsets.UTF_8), t.adminToken(), 422);
        assertThat(rows.get("errors")).hasSize(4);
        assertThat(rows.get("errors").toString()).contains("\"row\":3").contains("\"field\":\"familyName\"")
            .contains("\"field\":\"postalCode\"").contains("\"field\":\"email\"").contains("\"row\":4").contains("\"field\":\"familyNameKana\"");
        assertThat(api().get("/api/v1/people", t.adminToken()).json().get("total").asLong()).as("nothing imported").isEqualTo(before);
    }

    @Test
    void ten_thousand_rows_import_in_one_go() throws Exception {
        StringBuilder csv = new StringBuilder("姓,名,セイ,メイ,メールアドレス,電話番号\r\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append("一万,").append(i).append(",イチマン,カズ,bulk").append(i).append("@example.jp,080").append(String.format("%08d", i))
                .append("\r\n");
        }
        long start = System.nanoTime();
        JsonNode result = importCsv(csv.toString().getBytes(ExcelCsv.WINDOWS_31J), t.adminToken(), 200);
        System.out.printf("imported 10,000 rows in %.1f s%n", (System.nanoTime() - start) / 1e9);
        assertThat(result.get("created").asInt()).isEqualTo(10_000);
        assertThat(api().get("/api/v1/people?q=" + enc("イチマン"), t.adminToken()).json().get("total").asLong()).isEqualTo(10_000);
    }

    @Test
    void staff_exports_leave_out_sensitive_people_and_read_only_users_cannot_import() throws Exception {
        idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "秘匿", "givenName", "子", "familyNameKana", "ヒトク",
            "givenNameKana", "コ", "sensitive", true)));
        String staff = tenants().userToken(t, "csv-staff", Role.STAFF);
        assertThat(new String(download("/api/v1/people/export", staff).body(), StandardCharsets.UTF_8)).doesNotContain("秘匿");
        assertThat(new String(download("/api/v1/people/export", t.adminToken()).body(), StandardCharsets.UTF_8)).contains("秘匿");
        String readOnly = tenants().userToken(t, "csv-reader", Role.READ_ONLY);
        importCsv("姓,名,セイ,メイ\r\n読,専,ヨミ,セン\r\n".getBytes(StandardCharsets.UTF_8), readOnly, 403);
        String sensitiveRow = "姓,名,セイ,メイ,要配慮\r\n秘,密,ヒ,ミツ,1\r\n";
        assertThat(importCsv(sensitiveRow.getBytes(StandardCharsets.UTF_8), staff, 422).get("errors").get(0).get("field").asText())
            .isEqualTo("sensitive");
    }

    @Test
    void an_import_row_without_a_sensitive_column_or_with_an_empty_cell_keeps_the_stored_flag() throws Exception {
        String keptByMissingColumn = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "保護", "givenName", "一",
            "familyNameKana", "ホゴ", "givenNameKana", "イチ", "sensitive", true)));
        String keptByEmptyCell = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "保護", "givenName", "二",
            "familyNameKana", "ホゴ", "givenNameKana", "ニ", "sensitive", true)));
        String clearedByZero = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "保護", "givenName", "三",
            "familyNameKana", "ホゴ", "givenNameKana", "サン", "sensitive", true)));
        importCsv(("ID,姓,名,セイ,メイ,備考\r\n" + keptByMissingColumn + ",保護,一,ホゴ,イチ,更新\r\n").getBytes(StandardCharsets.UTF_8),
            t.adminToken(), 200);
        importCsv(("ID,姓,名,セイ,メイ,要配慮\r\n" + keptByEmptyCell + ",保護,二,ホゴ,ニ,\r\n" + clearedByZero + ",保護,三,ホゴ,サン,0\r\n")
            .getBytes(StandardCharsets.UTF_8), t.adminToken(), 200);
        assertThat(api().get("/api/v1/people/" + keptByMissingColumn, t.adminToken()).json().get("sensitive").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/people/" + keptByEmptyCell, t.adminToken()).json().get("sensitive").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/people/" + clearedByZero, t.adminToken()).json().get("sensitive").asBoolean()).isFalse();
        String staff = tenants().userToken(t, "csv-staff-keep", Role.STAFF);
        assertThat(api().get("/api/v1/people/" + keptByMissingColumn, staff).status()).isEqualTo(404);
    }

    @Test
    void organisations_and_memberships_export_too() throws Exception {
        String org = idOf(api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "出力の会", "nameKana", "シュツリョクノカイ", "kind", "npo")));
        String type = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "団体正会員", "feeYen", 10000, "period", "yearly",
            "perUnit", true, "memberKind", "organization")));
        idOf(api().post("/api/v1/memberships", t.adminToken(), Map.of("organizationId", org, "typeId", type, "units", 2)));
        String orgs = new String(download("/api/v1/organizations/export?encoding=windows-31j", t.adminToken()).body(), ExcelCsv.WINDOWS_31J);
        assertThat(orgs).startsWith("会員番号,団体名").contains("出力の会");
        byte[] ms = download("/api/v1/memberships/export", t.adminToken()).body();
        assertThat(new String(ms, StandardCharsets.UTF_8)).contains("団体正会員").contains("20000").contains("有効");
    }

    private HttpResponse<byte[]> download(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.getURL() + path)).header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode importCsv(byte[] body, String token, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/api/v1/people/import"))
            .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expectedStatus);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body().isEmpty() ? "{}" : r.body());
    }
}
