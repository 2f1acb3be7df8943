package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The grant fund's supporters: 300 yen per unit every month, charged once per period however often the run repeats. */
@MicronautTest(transactional = false)
class GivingApiIT extends PlatformTest {
    TestTenant t;
    String supporter;
    String spot;
    String yearly;

    @BeforeAll
    void plans() {
        t = tenants().create("inclu-test", "grant_fund");
        supporter = id(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly")));
        spot = id(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "スポット", "unitAmount", 500, "interval", "once")));
        yearly = id(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "年会費寄付", "unitAmount", 1000, "interval", "yearly",
            "purpose", "居場所づくり基金")));
    }

    @Test
    void a_billing_run_charges_each_due_gift_once_and_a_repeat_creates_nothing() {
        String a = gift(person("一月", "イチガツ"), supporter, 3, "2027-01");
        gift(person("一月", "スポット"), spot, 2, "2027-01");
        gift(person("一月", "ネンカイ"), yearly, 1, "2027-01");
        String paused = gift(person("一月", "キュウシ"), supporter, 1, "2027-01");
        assertThat(api().post("/api/v1/recurring-gifts/" + paused + "/pause", t.adminToken(), Map.of()).json().get("status").asText()).isEqualTo("paused");
        gift(person("二月", "カイシ"), supporter, 1, "2027-02");
        JsonNode pausedList = api().get("/api/v1/recurring-gifts?status=paused", t.adminToken()).json();
        assertThat(pausedList.get("total").asLong()).isEqualTo(1);
        assertThat(pausedList.get("items").get(0).get("id").asText()).isEqualTo(paused);
        assertThat(pausedList.get("items").get(0).get("monthlyAmount").asLong()).isEqualTo(300);
        assertThat(pausedList.get("items").get(0).has("history")).as("lists leave the history out").isFalse();

        ApiResponse first = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", "2027-01"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("created").asInt()).isEqualTo(3);
        assertThat(first.json().get("totalCreated").asLong()).isEqualTo(900 + 1000 + 1000);

        ApiResponse again = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", "2027-01"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("chargesInPeriod").asLong()).isEqualTo(3);

        JsonNode february = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", "2027-02")).json();
        assertThat(february.get("created").asInt()).as("monthly gifts only; the spot gift and the yearly one are not due").isEqualTo(2);
        assertThat(api().get("/api/v1/recurring-gifts/" + a, t.adminToken()).json().get("monthlyAmount").asLong()).isEqualTo(900);
    }

    @Test
    void a_gift_keeps_the_history_of_every_change_and_refuses_impossible_ones() {
        String g = gift(person("履歴", "リレキ"), supporter, 1, "2027-03");
        api().post("/api/v1/recurring-gifts/" + g + "/pause", t.adminToken(), Map.of());
        api().post("/api/v1/recurring-gifts/" + g + "/resume", t.adminToken(), Map.of());
        api().post("/api/v1/recurring-gifts/" + g + "/cancel", t.adminToken(), Map.of());
        assertThat(api().post("/api/v1/recurring-gifts/" + g + "/resume", t.adminToken(), Map.of()).status()).as("cancelled is final").isEqualTo(400);
        assertThat(api().post("/api/v1/recurring-gifts/" + g + "/cancel", t.adminToken(), Map.of()).status()).isEqualTo(400);
        List<String> kinds = new ArrayList<>();
        api().get("/api/v1/recurring-gifts/" + g, t.adminToken()).json().get("history").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsExactly("created", "pause", "resume", "cancel");
    }

    @Test
    void each_history_line_names_its_kind_the_fields_before_and_after_and_who_made_it() {
        String g = gift(person("構造", "コウゾウ"), supporter, 2, "2027-04");
        api().post("/api/v1/recurring-gifts/" + g + "/pause", t.adminToken(), Map.of());
        JsonNode history = api().get("/api/v1/recurring-gifts/" + g, t.adminToken()).json().get("history");
        assertThat(history).hasSize(2);
        JsonNode created = history.get(0);
        assertThat(created.get("kind").asText()).isEqualTo("created");
        assertThat(created.has("before")).as("nothing before a gift is created").isFalse();
        assertThat(created.get("after").get("status").asText()).isEqualTo("active");
        assertThat(created.get("after").get("plan").asText()).isEqualTo("サポーター");
        assertThat(created.get("after").get("units").asInt()).isEqualTo(2);
        assertThat(created.get("after").get("method").asText()).isEqualTo("direct_debit");
        assertThat(created.has("detail")).as("no display text").isFalse();
        JsonNode paused = history.get(1);
        assertThat(paused.get("kind").asText()).isEqualTo("pause");
        assertThat(paused.get("before").get("status").asText()).isEqualTo("active");
        assertThat(paused.get("after").get("status").asText()).isEqualTo("paused");
        assertThat(paused.get("after").has("units")).as("only the changed fields").isFalse();
        assertThat(paused.get("by").asText()).isEqualTo(created.get("by").asText()).endsWith("@inclu-test");
    }

    @Test
    void bad_input_is_named_field_by_field_and_only_admins_run_billing() {
        ApiResponse bad = api().post("/api/v1/recurring-gifts", t.adminToken(), Map.of("planId", "nope", "units", 0, "paymentMethod", "bitcoin",
            "startMonth", "2027-13"));
        assertThat(bad.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        bad.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("personId", "planId", "units", "paymentMethod", "startMonth");
        String staff = tenants().userToken(t, "giving-staff", Role.STAFF);
        assertThat(api().post("/api/v1/billing-runs", staff, Map.of("period", "2027-01")).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", "January")).status()).isEqualTo(400);
    }

    private String person(String family, String kana) {
        return id(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", family, "givenName", kana, "familyNameKana", kana,
            "givenNameKana", "テスト")));
    }

    private String gift(String person, String plan, int units, String start) {
        return id(api().post("/api/v1/recurring-gifts", t.adminToken(), Map.of("personId", person, "planId", plan, "units", units,
            "paymentMethod", "direct_debit", "startMonth", start)));
    }

    private static String id(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
