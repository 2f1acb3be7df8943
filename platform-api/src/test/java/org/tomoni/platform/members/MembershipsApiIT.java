package org.tomoni.platform.members;

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
import static org.tomoni.platform.members.PartiesApiIT.fields;
import static org.tomoni.platform.members.PartiesApiIT.idOf;

/** The solidarity organisation's fee schedule, configured as data, and memberships through their life. */
@MicronautTest(transactional = false)
class MembershipsApiIT extends PlatformTest {
    TestTenant t;
    String group;
    String regular;
    String supporting;

    @BeforeAll
    void feeSchedule() {
        t = tenants().create("solidarity", "membership_organization");
        group = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "団体会員", "feeYen", 10000, "period", "yearly",
            "perUnit", true, "memberKind", "organization")));
        regular = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "正会員", "feeYen", 1000, "period", "monthly",
            "perUnit", false, "memberKind", "person")));
        supporting = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "賛助会員", "feeYen", 1000, "period", "yearly",
            "perUnit", false, "memberKind", "person")));
    }

    @Test
    void membership_types_are_validated_and_only_admins_change_them() {
        ApiResponse bad = api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "正会員", "feeYen", -1, "period", "weekly",
            "memberKind", "animal"));
        assertThat(fields(bad)).containsExactlyInAnyOrder("name", "feeYen", "period", "memberKind");
        String staff = tenants().userToken(t, "type-staff", Role.STAFF);
        assertThat(api().post("/api/v1/membership-types", staff, Map.of("name", "x", "feeYen", 1, "period", "once", "memberKind", "person"))
            .status()).isEqualTo(403);
        assertThat(api().get("/api/v1/membership-types", staff).json().get("total").asLong()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void a_membership_gives_the_member_a_number_owes_fee_times_units_and_keeps_its_history() {
        String org = idOf(api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "連帯労組", "nameKana", "レンタイロウソ", "kind", "other")));
        ApiResponse created = api().post("/api/v1/memberships", t.adminToken(), Map.of("organizationId", org, "typeId", group, "units", 3,
            "startsOn", "2026-04-01"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode m = created.json();
        assertThat(m.get("status").asText()).isEqualTo("active");
        assertThat(m.get("duesPerPeriod").asLong()).isEqualTo(30000);
        assertThat(m.get("memberNumber").asLong()).isPositive();
        assertThat(api().get("/api/v1/organizations/" + org, t.adminToken()).json().get("memberNumber").asLong())
            .isEqualTo(m.get("memberNumber").asLong());

        String path = "/api/v1/memberships/" + m.get("id").asText();
        ApiResponse more = api().put(path, t.adminToken(), Map.of("units", 5), Map.of("If-Match", "\"0\""));
        assertThat(more.status()).isEqualTo(200);
        assertThat(more.json().get("duesPerPeriod").asLong()).isEqualTo(50000);
        ApiResponse lapsed = api().put(path, t.adminToken(), Map.of("status", "lapsed"), Map.of("If-Match", "\"1\""));
        assertThat(lapsed.json().get("status").asText()).isEqualTo("lapsed");
        ApiResponse ended = api().post(path + "/end", t.adminToken(), Map.of("endsOn", "2027-03-31"));
        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.json().get("status").asText()).isEqualTo("ended");
        assertThat(api().post(path + "/end", t.adminToken(), Map.of()).json().get("errors").get(0).get("code").asText()).isEqualTo("already_ended");
        List<String> kinds = new ArrayList<>();
        api().get(path, t.adminToken()).json().get("history").forEach(e -> kinds.add(e.get("kind").asText()));
        assertThat(kinds).containsExactly("started", "units_changed", "lapsed", "ended");
    }

    @Test
    void member_numbers_are_sequential_per_tenant_and_shared_by_people_and_organisations() {
        long first = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person("番号", "一"), "typeId", regular))
            .json().get("memberNumber").asLong();
        long second = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person("番号", "二"), "typeId", supporting))
            .json().get("memberNumber").asLong();
        assertThat(second).isEqualTo(first + 1);

        idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "手入力", "givenName", "番号", "familyNameKana", "テニュウリョク",
            "givenNameKana", "バンゴウ", "memberNumber", Long.toString(second + 1))));
        long third = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person("番号", "三"), "typeId", regular))
            .json().get("memberNumber").asLong();
        assertThat(third).as("a number given by hand is skipped").isEqualTo(second + 2);
    }

    @Test
    void wrong_member_kind_flat_fee_units_and_missing_member_are_refused() {
        String p = person("種別", "違い");
        assertThat(fields(api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", p, "typeId", group))))
            .containsExactly("typeId");
        assertThat(fields(api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", p, "typeId", regular, "units", 2))))
            .containsExactly("units");
        assertThat(fields(api().post("/api/v1/memberships", t.adminToken(), Map.of("typeId", regular)))).containsExactly("personId");
    }

    @Test
    void dues_are_owed_per_month_per_fiscal_year_or_once() {
        String monthly = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person("月額", "会員"), "typeId", regular,
            "startsOn", "2026-06-15")).json().get("id").asText();
        JsonNode months = api().get("/api/v1/memberships/" + monthly + "/dues?from=2026-04&to=2027-03", t.adminToken()).json();
        assertThat(months.get("total").asLong()).isEqualTo(10);
        assertThat(months.get("items").get(0).get("period").asText()).isEqualTo("2026-06");
        assertThat(months.get("items").get(0).get("amount").asLong()).isEqualTo(1000);

        String yearly = api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person("年額", "会員"), "typeId", supporting,
            "startsOn", "2026-05-01")).json().get("id").asText();
        JsonNode years = api().get("/api/v1/memberships/" + yearly + "/dues?from=2026-04&to=2028-03", t.adminToken()).json();
        assertThat(years.get("items")).hasSize(2);
        assertThat(years.get("items").get(0).get("period").asText()).isEqualTo("FY2026");
        assertThat(years.get("items").get(0).get("from").asText()).isEqualTo("2026-04-01");
        assertThat(api().get("/api/v1/memberships/" + yearly + "/dues?from=2026-13", t.adminToken()).status()).isEqualTo(400);
    }

    @Test
    void memberships_filter_people_by_status_and_list_by_status() {
        String active = person("状態", "有効");
        api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", active, "typeId", regular));
        person("状態", "なし");
        JsonNode list = api().get("/api/v1/people?q=" + PartiesApiIT.enc("状態") + "&membershipStatus=active", t.adminToken()).json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(active);
        assertThat(api().get("/api/v1/memberships?status=active&personId=" + active, t.adminToken()).json().get("total").asLong()).isEqualTo(1);
    }

    private String person(String family, String given) {
        return idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", family, "givenName", given,
            "familyNameKana", "テスト", "givenNameKana", "カイイン")));
    }
}
