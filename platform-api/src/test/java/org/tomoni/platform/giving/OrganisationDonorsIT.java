package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Organisations as members and donors through the API (issue 12): a hub enrolled on a type for
 * organisations or for both, a co-op's donation, its receipt addressed to the co-op (御中, its
 * address), and the co-op on the donor list.
 */
@MicronautTest(transactional = false)
class OrganisationDonorsIT extends PlatformTest {

    @Test
    void a_co_op_gives_a_donation_that_is_receipted_to_its_name_and_address_and_listed_among_the_donors() throws Exception {
        TestTenant t = tenants().create("org-donor", "grant_fund");
        String coop = org(t, "生活クラブ生活協同組合", "セイカツクラブセイカツキョウドウクミアイ");

        ApiResponse created = api().post("/api/v1/donations", t.adminToken(), Map.of("organizationId", coop, "amount", 50000,
            "receivedOn", "2026-06-01", "method", "bank_transfer", "kind", "donation"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode donation = created.json();
        assertThat(donation.get("organizationId").asText()).isEqualTo(coop);
        assertThat(donation.get("donorName").asText()).isEqualTo("生活クラブ生活協同組合");
        assertThat(donation.get("receiptStatus").asText()).as("an organisation's gift is receipted like a person's").isEqualTo("not_issued");
        JsonNode listed = api().get("/api/v1/donations?organizationId=" + coop, t.adminToken()).json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);

        ApiResponse receipt = api().post("/api/v1/receipts", t.adminToken(), Map.of("donationId", donation.get("id").asText()));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        assertThat(receipt.json().get("organizationId").asText()).isEqualTo(coop);
        assertThat(receipt.json().get("personId").isNull()).isTrue();
        byte[] pdf = context.getBean(Receipts.class).pdf(t.admin(), java.util.UUID.fromString(receipt.json().get("id").asText())).orThrow();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("生活クラブ生活協同組合 御中", "〒220-0011", "神奈川県横浜市西区高島2-19-12", "50,000");
        }
        assertThat(api().get("/api/v1/receipts?organizationId=" + coop, t.adminToken()).json().get("total").asLong()).isEqualTo(1);

        String csv = api().get("/api/v1/donor-list?fiscalYear=2026", t.adminToken()).body();
        assertThat(csv).contains("生活クラブ生活協同組合", "セイカツクラブセイカツキョウドウクミアイ", "50000");
    }

    @Test
    void a_donation_names_one_donor_a_person_or_an_organisation_and_an_unknown_organisation_is_not_found() {
        TestTenant t = tenants().create("org-donor-rules", "grant_fund");
        TestTenant other = tenants().create("org-donor-other", "grant_fund");
        String coop = org(t, "ワーカーズ・コレクティブ 風", "ワーカーズコレクティブ カゼ");
        String foreign = org(other, "よその団体", "ヨソノダンタイ");
        String person = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "佐藤", "givenName", "花子",
            "familyNameKana", "サトウ", "givenNameKana", "ハナコ")).json().get("id").asText();

        Map<String, Object> both = body(Map.of("organizationId", coop, "personId", person));
        ApiResponse twice = api().post("/api/v1/donations", t.adminToken(), both);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("personId", "one_member");
        ApiResponse elsewhere = api().post("/api/v1/donations", t.adminToken(), body(Map.of("organizationId", foreign)));
        assertThat(elsewhere.status()).as("another tenant's organisation is nobody here").isEqualTo(400);
        assertThat(elsewhere.body()).contains("organizationId", "not_found");
        assertThat(api().get("/api/v1/donations", t.adminToken()).json().get("total").asLong()).as("nothing written").isZero();
    }

    @Test
    void a_hub_is_enrolled_on_a_type_for_organisations_or_for_both_and_a_person_only_type_refuses_it() {
        TestTenant t = tenants().create("org-member", "hub_network");
        String hub = org(t, "NPO法人 びーのびーの", "エヌピーオーホウジン ビーノビーノ");
        String regular = type(t, "正会員", "organization");
        String supporting = type(t, "賛助会員", "both");
        String personal = type(t, "個人会員", "person");

        ApiResponse enrolled = api().post("/api/v1/memberships", t.adminToken(), Map.of("organizationId", hub, "typeId", regular, "units", 1));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        assertThat(enrolled.json().get("memberName").asText()).isEqualTo("NPO法人 びーのびーの");
        assertThat(api().post("/api/v1/memberships", t.adminToken(), Map.of("organizationId", hub, "typeId", supporting, "units", 1))
            .status()).as("a type for both takes an organisation").isEqualTo(201);
        String person = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "井上", "givenName", "真理子",
            "familyNameKana", "イノウエ", "givenNameKana", "マリコ")).json().get("id").asText();
        assertThat(api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person, "typeId", supporting, "units", 1))
            .status()).as("and a person").isEqualTo(201);
        ApiResponse refused = api().post("/api/v1/memberships", t.adminToken(), Map.of("organizationId", hub, "typeId", personal, "units", 1));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("typeId", "member_kind");
        assertThat(api().get("/api/v1/memberships?organizationId=" + hub, t.adminToken()).json().get("total").asLong()).isEqualTo(2);
    }

    private static Map<String, Object> body(Map<String, Object> donor) {
        Map<String, Object> b = new HashMap<>(Map.of("amount", 1000, "receivedOn", "2026-06-01", "method", "cash", "kind", "donation"));
        b.putAll(donor);
        return b;
    }

    private String type(TestTenant t, String name, String kind) {
        ApiResponse r = api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", name, "feeYen", 12000, "period", "yearly",
            "perUnit", false, "memberKind", kind));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    private String org(TestTenant t, String name, String kana) {
        ApiResponse r = api().post("/api/v1/organizations", t.adminToken(), Map.of("name", name, "nameKana", kana, "kind", "coop",
            "postalCode", "2200011", "prefecture", "神奈川県", "city", "横浜市西区", "addressLine1", "高島2-19-12"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
