package org.tomoni.platform.members;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.members.PartiesApiIT.idOf;

@MicronautTest(transactional = false)
class DuplicatesAndMergeIT extends PlatformTest {
    TestTenant t;

    @BeforeAll
    void createTenant() {
        t = tenants().create("dupes");
    }

    @Test
    void creating_a_likely_duplicate_names_it_with_the_reasons() {
        idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "重複", "givenName", "一郎", "familyNameKana", "チョウフク",
            "givenNameKana", "イチロウ", "birthDate", "1970-01-01", "email", "dup@example.jp")));
        ApiResponse second = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "重福", "givenName", "一朗",
            "familyNameKana", "ちょうふく", "givenNameKana", "いちろう", "birthDate", "1970-01-01", "email", "DUP@example.jp"));
        assertThat(second.status()).isEqualTo(201);
        JsonNode candidates = second.json().get("possibleDuplicates");
        assertThat(candidates).hasSize(1);
        assertThat(candidates.get(0).get("reasons").toString()).contains("same_reading_and_birth_date", "same_email");
        ApiResponse unrelated = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "別人", "givenName", "三郎",
            "familyNameKana", "ベツジン", "givenNameKana", "サブロウ"));
        assertThat(unrelated.json().get("possibleDuplicates")).isEmpty();
        assertThat(api().get("/api/v1/people/duplicates", t.adminToken()).body()).contains("チョウフク").doesNotContain("ベツジン");
    }

    @Test
    void merging_moves_every_reference_to_the_survivor_archives_the_duplicate_and_is_audited() throws Exception {
        String survivor = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "統合", "givenName", "先", "familyNameKana", "トウゴウ",
            "givenNameKana", "サキ", "phone", "090-1111-2222")));
        String duplicate = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "統合", "givenName", "先", "familyNameKana", "トウゴウ",
            "givenNameKana", "サキ", "phone", "09011112222", "email", "merge@example.jp", "city", "横浜市")));
        String child = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "統合", "givenName", "子", "familyNameKana", "トウゴウ",
            "givenNameKana", "コ")));
        String org = idOf(api().post("/api/v1/organizations", t.adminToken(), Map.of("name", "統合の会", "nameKana", "トウゴウノカイ", "kind", "npo")));
        String type = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "統合会員", "feeYen", 500, "period", "monthly",
            "perUnit", true, "memberKind", "person")));
        idOf(api().post("/api/v1/relationships", t.adminToken(), Map.of("personId", duplicate, "relatedPersonId", child, "kind", "parent")));
        idOf(api().post("/api/v1/relationships", t.adminToken(), Map.of("personId", survivor, "relatedPersonId", child, "kind", "parent")));
        idOf(api().post("/api/v1/affiliations", t.adminToken(), Map.of("personId", duplicate, "organizationId", org)));
        idOf(api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", duplicate, "typeId", type, "units", 2)));

        ApiResponse merged = api().post("/api/v1/people/" + survivor + "/merge", t.adminToken(), Map.of("duplicateId", duplicate));
        assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
        JsonNode s = merged.json();
        assertThat(s.get("relationships")).as("the shared parent link kept once").hasSize(1);
        assertThat(s.get("affiliations")).hasSize(1);
        assertThat(s.get("memberships")).hasSize(1);
        assertThat(s.get("memberNumber").asLong()).as("the duplicate's member number").isPositive();
        assertThat(s.get("email").asText()).isEqualTo("merge@example.jp");
        assertThat(s.get("city").asText()).isEqualTo("横浜市");
        assertThat(api().get("/api/v1/people/" + duplicate, t.adminToken()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/memberships?personId=" + survivor, t.adminToken()).json().get("total").asLong()).isEqualTo(1);

        assertThat(api().post("/api/v1/people/" + survivor + "/merge", t.adminToken(), Map.of("duplicateId", survivor)).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/people/" + survivor + "/merge", t.adminToken(), Map.of("duplicateId", duplicate)).status())
            .as("already merged").isEqualTo(400);
        try (var c = ownerConnection(t.id()); var st = c.createStatement();
             ResultSet rs = st.executeQuery("select action from audit_log where target_id in ('" + survivor + "', '" + duplicate
                 + "') and action like 'person.merge%' order by action")) {
            List<String> actions = new java.util.ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            assertThat(actions).containsExactly("person.merge", "person.merged_into");
        }
    }
}
