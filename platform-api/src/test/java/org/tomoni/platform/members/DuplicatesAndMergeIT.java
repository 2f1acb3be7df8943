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
    @Test
    void a_pair_marked_not_the_same_person_leaves_the_duplicates_list_while_each_still_pairs_with_others_and_it_is_audited() throws Exception {
        String first = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "別人", "givenName", "一", "familyNameKana", "ベツビト",
            "givenNameKana", "ハジメ", "birthDate", "1980-05-05")));
        String second = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "別人", "givenName", "肇", "familyNameKana", "ベツビト",
            "givenNameKana", "ハジメ", "birthDate", "1980-05-05", "email", "hajime@example.jp")));
        String third = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "別人", "givenName", "元", "familyNameKana", "ベツビト",
            "givenNameKana", "ハジメ", "email", "hajime@example.jp")));
        assertThat(pairs()).contains(sorted(first, second), sorted(second, third));

        ApiResponse marked = api().post("/api/v1/people/" + second + "/not-duplicate", t.adminToken(), Map.of("duplicateId", first));
        assertThat(marked.status()).as(marked.toString()).isEqualTo(204);
        assertThat(pairs()).as("the pair is gone, in whichever order it was named").doesNotContain(sorted(first, second))
            .contains(sorted(second, third));
        assertThat(api().post("/api/v1/people/" + first + "/not-duplicate", t.adminToken(), Map.of("duplicateId", second)).status())
            .as("marking it again is harmless").isEqualTo(204);
        assertThat(api().get("/api/v1/people/" + first, t.adminToken()).status()).as("both people stay").isEqualTo(200);
        assertThat(api().get("/api/v1/people/" + second, t.adminToken()).status()).isEqualTo(200);

        ApiResponse self = api().post("/api/v1/people/" + first + "/not-duplicate", t.adminToken(), Map.of("duplicateId", first));
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("errors").get(0).get("code").asText()).isEqualTo("same_person");
        ApiResponse missing = api().post("/api/v1/people/" + first + "/not-duplicate", t.adminToken(), Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("duplicateId");
        String readOnly = tenants().userToken(t, "dupes-reader", org.tomoni.platform.shared.Role.READ_ONLY);
        assertThat(api().post("/api/v1/people/" + second + "/not-duplicate", readOnly, Map.of("duplicateId", third)).status()).isEqualTo(403);
        assertThat(pairs()).contains(sorted(second, third));
        try (var c = ownerConnection(t.id()); var st = c.createStatement();
             ResultSet rs = st.executeQuery("select count(*) from audit_log where action = 'person.not_duplicate' and target_id in ('"
                 + first + "', '" + second + "')")) {
            rs.next();
            assertThat(rs.getInt(1)).as("each person's record, twice marked").isEqualTo(4);
        }
    }

    @Test
    void another_tenants_pair_is_neither_marked_nor_hidden_and_a_mark_in_one_tenant_hides_nothing_in_the_other() {
        TestTenant other = tenants().create("dupes-other");
        String ourOne = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "隔離", "givenName", "双", "familyNameKana", "カクリ",
            "givenNameKana", "ソウ", "phone", "03-1111-9999")));
        String ourTwo = idOf(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "隔離", "givenName", "子", "familyNameKana", "カクリ",
            "givenNameKana", "ソウコ", "phone", "03-1111-9999")));
        String theirOne = idOf(api().post("/api/v1/people", other.adminToken(), Map.of("familyName", "隔離", "givenName", "双", "familyNameKana", "カクリ",
            "givenNameKana", "ソウ", "phone", "03-1111-9999")));
        String theirTwo = idOf(api().post("/api/v1/people", other.adminToken(), Map.of("familyName", "隔離", "givenName", "子", "familyNameKana", "カクリ",
            "givenNameKana", "ソウコ", "phone", "03-1111-9999")));

        assertThat(api().post("/api/v1/people/" + theirOne + "/not-duplicate", t.adminToken(), Map.of("duplicateId", theirTwo)).status())
            .as("another tenant's person is not found").isEqualTo(404);
        ApiResponse mixed = api().post("/api/v1/people/" + ourOne + "/not-duplicate", t.adminToken(), Map.of("duplicateId", theirTwo));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.json().get("errors").get(0).get("code").asText()).isEqualTo("not_found");
        assertThat(pairsOf(other)).contains(sorted(theirOne, theirTwo));

        assertThat(api().post("/api/v1/people/" + ourOne + "/not-duplicate", t.adminToken(), Map.of("duplicateId", ourTwo)).status()).isEqualTo(204);
        assertThat(pairs()).doesNotContain(sorted(ourOne, ourTwo));
        assertThat(pairsOf(other)).as("the other tenant's own pair is still listed").contains(sorted(theirOne, theirTwo));
    }

    private List<List<String>> pairs() {
        return pairsOf(t);
    }

    private List<List<String>> pairsOf(TestTenant tenant) {
        ApiResponse r = api().get("/api/v1/people/duplicates?size=100", tenant.adminToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<List<String>> pairs = new java.util.ArrayList<>();
        r.json().get("items").forEach(p -> pairs.add(List.of(p.get("first").get("id").asText(), p.get("second").get("id").asText())));
        return pairs;
    }

    /** The pair as the list orders it (PostgreSQL's uuid order: unsigned). */
    private static List<String> sorted(String one, String other) {
        java.util.UUID a = java.util.UUID.fromString(one);
        java.util.UUID b = java.util.UUID.fromString(other);
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        boolean inOrder = high != 0 ? high < 0 : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits()) < 0;
        return inOrder ? List.of(one, other) : List.of(other, one);
    }
}
