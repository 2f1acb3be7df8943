package org.tomoni.platform.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.ExcelCsv;
import org.tomoni.platform.testing.Api;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.members.PartiesApiIT.idOf;

/**
 * What people type survives storage and every CSV export: ～ － ① ㈱ 髙 come back unchanged in
 * windows-31j and UTF-8 with BOM, and import back unchanged; a character windows-31j cannot hold
 * refuses that export (naming row and column, offering UTF-8) instead of turning into "?".
 */
@MicronautTest(transactional = false)
class ExportFidelityIT extends PlatformTest {
    private static final String FAMILY = "髙橋㈱";
    private static final String GIVEN = "ＡＢＣ～①";
    private static final String LINE1 = "新宿1－2－3 ①号～";
    private static final String LINE2 = "髙ビル㈱";
    private static final String NOTES = "メモ ㈱ ～ － ① 髙";
    TestTenant t;
    String personId;

    @BeforeAll
    void createRecords() {
        t = tenants().create("fidelity");
        Map<String, Object> person = new HashMap<>(Map.of("familyName", FAMILY, "givenName", GIVEN, "familyNameKana", "タカハシ",
            "givenNameKana", "エービーシー", "city", "新宿区", "addressLine1", LINE1, "addressLine2", LINE2, "notes", NOTES));
        person.put("postalCode", "１６０－００２２");
        person.put("prefecture", "東京都");
        personId = idOf(api().post("/api/v1/people", t.adminToken(), person));
        idOf(api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "㈱髙島屋～①", "nameKana", "タカシマヤ", "kind", "company",
            "addressLine1", LINE1, "notes", NOTES)));
        String type = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "正会員①", "feeYen", 300,
            "period", "monthly", "perUnit", true, "memberKind", "person")));
        idOf(api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", personId, "typeId", type, "units", 1)));
        idOf(api().post("/api/v1/donations", t.adminToken(), Map.of("personId", personId, "amount", 1000, "receivedOn", "2026-05-01",
            "method", "cash", "note", NOTES)));
    }

    @Test
    void names_addresses_and_notes_are_stored_as_typed_and_only_digit_fields_are_folded() {
        JsonNode p = api().get("/api/v1/people/" + personId, t.adminToken()).json();
        assertThat(p.get("familyName").asText()).isEqualTo(FAMILY);
        assertThat(p.get("givenName").asText()).isEqualTo(GIVEN);
        assertThat(p.get("addressLine1").asText()).isEqualTo(LINE1);
        assertThat(p.get("addressLine2").asText()).isEqualTo(LINE2);
        assertThat(p.get("notes").asText()).isEqualTo(NOTES);
        assertThat(p.get("postalCode").asText()).isEqualTo("1600022");
    }

    @Test
    void searches_still_match_across_widths() {
        assertThat(api().get("/api/v1/people?q=abc", t.adminToken()).body()).contains(personId);
        assertThat(api().get("/api/v1/people?q=" + PartiesApiIT.enc("(株)"), t.adminToken()).body()).contains(personId);
        assertThat(api().get("/api/v1/people?q=" + PartiesApiIT.enc("ＡＢＣ"), t.adminToken()).body()).contains(personId);
    }

    @Test
    void every_windows_31j_export_carries_the_characters_through_unchanged() {
        for (String path : List.of("/api/v1/people/export", "/api/v1/organizations/export", "/api/v1/memberships/export",
            "/api/v1/donor-list?fiscalYear=2026&")) {
            String sep = path.endsWith("&") ? "" : "?";
            Api.Bytes sjis = api().bytes(path + sep + "encoding=windows-31j", t.adminToken());
            assertThat(sjis.status()).as(path).isEqualTo(200);
            String text = new String(sjis.body(), ExcelCsv.WINDOWS_31J);
            Api.Bytes bom = api().bytes(path + sep + "encoding=utf-8-bom", t.adminToken());
            String utf8 = new String(bom.body(), 3, bom.body().length - 3, StandardCharsets.UTF_8);
            assertThat(text).as(path + " is the same text in both encodings").isEqualTo(utf8);
            assertThat(text).as(path).doesNotContain("?");
        }
        String people = new String(api().bytes("/api/v1/people/export?encoding=windows-31j", t.adminToken()).body(), ExcelCsv.WINDOWS_31J);
        assertThat(people).contains(FAMILY, GIVEN, LINE1, LINE2, NOTES);
        String orgs = new String(api().bytes("/api/v1/organizations/export?encoding=windows-31j", t.adminToken()).body(), ExcelCsv.WINDOWS_31J);
        assertThat(orgs).contains("㈱髙島屋～①", LINE1, NOTES);
        String memberships = new String(api().bytes("/api/v1/memberships/export?encoding=windows-31j", t.adminToken()).body(),
            ExcelCsv.WINDOWS_31J);
        assertThat(memberships).contains(FAMILY, "正会員①");
        String donors = new String(api().bytes("/api/v1/donor-list?fiscalYear=2026&encoding=windows-31j", t.adminToken()).body(),
            ExcelCsv.WINDOWS_31J);
        assertThat(donors).contains(FAMILY + " " + GIVEN, LINE1);
    }

    @Test
    void a_windows_31j_export_imports_back_unchanged() {
        String before = api().get("/api/v1/people/" + personId, t.adminToken()).json().toString();
        byte[] sjis = api().bytes("/api/v1/people/export?encoding=windows-31j", t.adminToken()).body();
        ApiResponse imported = api().upload("/api/v1/people/import", t.adminToken(), sjis, "text/csv");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        JsonNode after = api().get("/api/v1/people/" + personId, t.adminToken()).json();
        assertThat(after.get("familyName").asText()).isEqualTo(FAMILY);
        assertThat(after.get("givenName").asText()).isEqualTo(GIVEN);
        assertThat(after.get("addressLine1").asText()).isEqualTo(LINE1);
        assertThat(after.get("addressLine2").asText()).isEqualTo(LINE2);
        assertThat(after.get("notes").asText()).isEqualTo(NOTES);
        assertThat(before).contains(FAMILY);
    }

    @Test
    void characters_windows_31j_cannot_hold_refuse_that_export_naming_row_and_column_and_offer_utf8() {
        TestTenant other = tenants().create("fidelity-jis");
        api().post("/api/v1/people", other.adminToken(), Map.of("familyName", "安藤", "givenName", "一", "familyNameKana", "アンドウ",
            "givenNameKana", "イチ"));
        for (String odd : List.of("〜", "−", "𠮷")) {
            String id = idOf(api().post("/api/v1/people", other.adminToken(), Map.of("familyName", "渡辺", "givenName", "二",
                "familyNameKana", "ワタナベ", "givenNameKana", "ニ", "addressLine1", "本町1" + odd + "2")));
            ApiResponse refused = api().get("/api/v1/people/export?encoding=windows-31j", other.adminToken());
            assertThat(refused.status()).as(odd + " " + refused).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asText()).isEqualTo("unencodable_export");
            assertThat(refused.json().get("title").asText()).contains("UTF-8");
            JsonNode error = refused.json().get("errors").get(0);
            assertThat(error.get("row").asInt()).as("header is row 1, 安藤 row 2, 渡辺 row 3").isEqualTo(3);
            assertThat(error.get("field").asText()).isEqualTo("町名・番地");
            Api.Bytes utf8 = api().bytes("/api/v1/people/export?encoding=utf-8-bom", other.adminToken());
            assertThat(new String(utf8.body(), StandardCharsets.UTF_8)).contains("本町1" + odd + "2");
            assertThat(api().delete("/api/v1/people/" + id, other.adminToken()).status()).isIn(200, 204);
        }
    }
}
