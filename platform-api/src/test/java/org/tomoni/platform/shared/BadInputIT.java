package org.tomoni.platform.shared;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The edge refuses bad input with a 400 that names the field, before anything is bound or written. */
@MicronautTest(transactional = false)
class BadInputIT extends PlatformTest {
    TestTenant t;

    @BeforeAll
    void createTenant() {
        t = tenants().create("bad-input");
    }

    private static final String PERSON = "{\"familyName\":\"%s\",\"givenName\":\"花子\",\"familyNameKana\":\"ヤマダ\",\"givenNameKana\":\"ハナコ\"%s}";

    private ApiResponse postRaw(String path, String json) {
        return api().post(path, t.adminToken(), json);
    }

    private static List<String> fieldsAndCodes(ApiResponse r) {
        List<String> out = new ArrayList<>();
        r.json().get("errors").forEach(e -> out.add(e.get("field").asText() + ":" + e.get("code").asText()));
        return out;
    }

    @Test
    void a_nul_character_in_a_name_is_refused_naming_the_field() {
        ApiResponse r = postRaw("/api/v1/people", PERSON.formatted("山\\u0000田", ""));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(fieldsAndCodes(r)).containsExactly("familyName:control_character");
    }

    @Test
    void a_lone_surrogate_is_refused_and_never_stored_as_a_question_mark() {
        ApiResponse r = postRaw("/api/v1/people", PERSON.formatted("山田", ",\"notes\":\"a\\ud800b\""));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(r)).containsExactly("notes:lone_surrogate");
    }

    @Test
    void line_breaks_are_kept_in_notes_but_refused_in_names() {
        assertThat(postRaw("/api/v1/people", PERSON.formatted("山田", ",\"notes\":\"一行目\\r\\n二行目\\t。\"")).status()).isEqualTo(201);
        ApiResponse r = postRaw("/api/v1/people", PERSON.formatted("山\\n田", ""));
        assertThat(fieldsAndCodes(r)).containsExactly("familyName:control_character");
    }

    @Test
    void every_text_field_of_every_kind_of_record_refuses_nul() {
        Map<String, String> bodies = Map.of(
            "/api/v1/organizations", "{\"name\":\"団\\u0000体\",\"nameKana\":\"ダンタイ\",\"kind\":\"npo\"}",
            "/api/v1/branches", "{\"name\":\"支\\u0000部\"}",
            "/api/v1/gift-plans", "{\"name\":\"プ\\u0000ラン\",\"unitAmount\":300,\"interval\":\"monthly\"}",
            "/api/v1/membership-types", "{\"name\":\"正\\u0000会員\",\"feeYen\":300,\"period\":\"monthly\",\"memberKind\":\"person\"}",
            "/api/v1/users", "{\"username\":\"u\\u0000x\",\"role\":\"staff\"}",
            "/api/v1/donations", "{\"amount\":100,\"receivedOn\":\"2026-11-01\",\"method\":\"cash\",\"note\":\"\\u0000\"}");
        bodies.forEach((path, body) -> {
            ApiResponse r = postRaw(path, body);
            assertThat(r.status()).as(path + " " + r).isEqualTo(400);
            assertThat(fieldsAndCodes(r)).as(path).anyMatch(s -> s.endsWith(":control_character"));
        });
        ApiResponse settings = api().put("/api/v1/giving/settings", t.adminToken(), "{\"organizationAddress\":\"東京\\u0000\"}",
            Map.of("If-Match", "\"0\""));
        assertThat(fieldsAndCodes(settings)).containsExactly("organizationAddress:control_character");
        ApiResponse signup = api().post("/api/v1/public/bad-input/recurring-gifts", null,
            "{\"planId\":\"x\",\"units\":1,\"donor\":{\"familyName\":\"\\u0000\"}}");
        assertThat(signup.status()).as(signup.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(signup)).containsExactly("donor.familyName:control_character");
    }

    @Test
    void a_megabyte_gift_plan_name_is_refused_as_too_long() {
        String name = "あ".repeat(1_000_000);
        ApiResponse r = api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", name, "unitAmount", 300, "interval", "monthly"));
        assertThat(r.status()).as(r.toString().substring(0, Math.min(300, r.toString().length()))).isEqualTo(400);
        assertThat(fieldsAndCodes(r)).containsExactly("name:too_long");
        ApiResponse notes = postRaw("/api/v1/people", PERSON.formatted("山田", ",\"notes\":\"" + "x".repeat(TextRules.NOTE + 1) + "\""));
        assertThat(fieldsAndCodes(notes)).containsExactly("notes:too_long");
        ApiResponse fits = postRaw("/api/v1/people", PERSON.formatted("山田", ",\"notes\":\"" + "x".repeat(TextRules.NOTE) + "\""));
        assertThat(fits.status()).isEqualTo(201);
    }

    @Test
    void floats_flags_and_strings_are_not_taken_as_whole_numbers() {
        for (String units : List.of("1.5", "true", "\"2\"", "1e0", "99999999999")) {
            ApiResponse r = postRaw("/api/v1/gift-plans", "{\"name\":\"プラン\",\"unitAmount\":" + units + ",\"interval\":\"monthly\"}");
            assertThat(r.status()).as(units + " " + r).isEqualTo(400);
            assertThat(fieldsAndCodes(r)).as(units).singleElement().asString().startsWith("unitAmount:");
        }
        ApiResponse flag = postRaw("/api/v1/gift-plans", "{\"name\":\"プラン\",\"unitAmount\":300,\"interval\":\"monthly\",\"published\":1}");
        assertThat(fieldsAndCodes(flag)).containsExactly("published:flag");
        ApiResponse text = postRaw("/api/v1/gift-plans", "{\"name\":12,\"unitAmount\":300,\"interval\":\"monthly\"}");
        assertThat(fieldsAndCodes(text)).containsExactly("name:text");
    }

    @Test
    void dates_outside_1900_to_2100_are_refused() {
        for (String date : List.of("0001-01-01", "9999-12-31", "+10000-01-01", "2101-01-01", "1899-12-31")) {
            ApiResponse r = postRaw("/api/v1/donations", "{\"amount\":100,\"receivedOn\":\"" + date + "\",\"method\":\"cash\"}");
            assertThat(r.status()).as(date + " " + r).isEqualTo(400);
            assertThat(fieldsAndCodes(r)).as(date).anyMatch(e -> e.startsWith("receivedOn:date"));
        }
        ApiResponse year = postRaw("/api/v1/receipts", "{\"personId\":\"01900000-0000-7000-8000-000000000000\",\"year\":10000}");
        assertThat(fieldsAndCodes(year)).containsExactly("year:date_range");
        ApiResponse month = postRaw("/api/v1/recurring-gifts", "{\"units\":1,\"startMonth\":\"+10000-01\"}");
        assertThat(fieldsAndCodes(month)).contains("startMonth:month");
        ApiResponse together = postRaw("/api/v1/people", "{\"familyName\":\"\",\"familyNameKana\":\"ヤマダ\",\"givenNameKana\":\"ハナコ\","
            + "\"birthDate\":\"9999-01-01\"}");
        assertThat(fieldsAndCodes(together)).as("a bad date is named together with the other bad fields")
            .contains("birthDate:date_range", "familyName:required");
    }

    @Test
    void an_empty_start_date_on_a_membership_means_today_not_a_server_error() {
        String person = postRaw("/api/v1/people", PERSON.formatted("会員", "")).json().get("id").asText();
        String type = postRaw("/api/v1/membership-types",
            "{\"name\":\"正会員\",\"feeYen\":300,\"period\":\"monthly\",\"perUnit\":true,\"memberKind\":\"person\"}").json().get("id").asText();
        ApiResponse r = postRaw("/api/v1/memberships", "{\"personId\":\"" + person + "\",\"typeId\":\"" + type + "\",\"units\":1,\"startsOn\":\"\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().get("startsOn").asText()).isNotBlank();
    }

    @Test
    void a_typed_query_parameter_that_does_not_parse_is_refused_naming_it() {
        ApiResponse r = api().get("/api/v1/people?branchId=not-a-uuid", t.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(r)).containsExactly("branchId:uuid");
        assertThat(fieldsAndCodes(api().get("/api/v1/people?page=1.5", t.adminToken()))).containsExactly("page:integer");
        assertThat(fieldsAndCodes(api().get("/api/v1/people?noEmail=yes", t.adminToken()))).containsExactly("noEmail:flag");
    }

    @Test
    void a_search_with_nul_is_refused() {
        ApiResponse r = api().get("/api/v1/people?q=" + URLEncoder.encode("さ\u0000とう", StandardCharsets.UTF_8), t.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(fieldsAndCodes(r)).containsExactly("q:control_character");
        assertThat(api().get("/api/v1/organizations?q=%00", t.adminToken()).status()).isEqualTo(400);
    }

    @Test
    void invalid_utf8_and_deep_nesting_are_malformed_requests() {
        byte[] bad = "{\"familyName\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1);
        ApiResponse r = api().upload("/api/v1/people", t.adminToken(), bad, "application/json");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).isEqualTo("malformed_request");
        String deep = "{\"familyName\":" + "[".repeat(500) + "]".repeat(500) + "}";
        ApiResponse nested = postRaw("/api/v1/people", deep);
        assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
    }

    @Test
    void too_large_and_unsupported_bodies_say_their_own_status() {
        ApiResponse unsupported = api().upload("/api/v1/people", t.adminToken(), "x".getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(unsupported.status()).isEqualTo(415);
        assertThat(unsupported.json().get("status").asInt()).isEqualTo(415);
        assertThat(unsupported.json().get("code").asText()).isEqualTo("unsupported_media_type");
        byte[] huge = new byte[21 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        ApiResponse tooLarge = api().upload("/api/v1/people", t.adminToken(), huge, "application/json");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().get("status").asInt()).isEqualTo(413);
    }

    @Test
    void a_csv_import_with_a_control_character_names_the_row_and_field() {
        String csv = "姓,名,セイ,メイ,備考\r\n山田,花\u0000子,ヤマダ,ハナコ,\r\n";
        ApiResponse r = api().upload("/api/v1/people/import", t.adminToken(), csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        JsonNode e = r.json().get("errors").get(0);
        assertThat(e.get("row").asInt()).isEqualTo(2);
        assertThat(e.get("code").asText()).isEqualTo("control_character");
    }
}
