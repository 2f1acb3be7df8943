package org.tomoni.platform.giving;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The money tables' bulk rows (charges, collected donations) carry no per-row foreign key to the
 * gift or the donor, for speed (README, "Money tables: keys and indexes"). What those keys guarded
 * holds otherwise: neither a person nor a recurring gift can be deleted, even by the schema's owner,
 * and a donation entered by staff must name a person of the tenant.
 */
@MicronautTest(transactional = false)
class MoneyReferencesIT extends PlatformTest {
    TestTenant t;
    String person;
    String gift;

    @BeforeAll
    void aDonorWithAGift() {
        t = tenants().create("money-refs");
        String plan = id(api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "マンスリー", "unitAmount", 1000, "interval", "monthly")));
        person = id(api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "寄附", "givenName", "花子", "familyNameKana", "キフ",
            "givenNameKana", "ハナコ")));
        gift = id(api().post("/api/v1/recurring-gifts", t.adminToken(), Map.of("personId", person, "planId", plan, "units", 1,
            "paymentMethod", "bank_transfer", "startMonth", "2027-01")));
    }

    @Test
    void a_person_and_a_recurring_gift_cannot_be_deleted_even_by_the_owner() throws Exception {
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("delete from recurring_gifts where id = '" + gift + "'"))
                .hasMessageContaining("never deleted");
        }
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("delete from people where id = '" + person + "'"))
                .hasMessageContaining("never deleted");
        }
    }

    @Test
    void a_charge_gives_at_most_one_donation_which_takes_the_charges_id() throws Exception {
        String charge = "01900000-0000-7000-8000-00000000c0de";
        String insert = "insert into donations (tenant_id, id, person_id, kind, amount, received_on, method, charge_id, created_at, created_by, "
            + "updated_at, updated_by) values ('" + t.id() + "', '%s', '" + person + "', 'donation', 1000, date '2027-01-27', 'direct_debit', '"
            + charge + "', now(), 'test', now(), 'test')";
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            s.execute(insert.formatted(charge));
        }
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(insert.formatted(charge))).hasMessageContaining("donations_pkey");
        }
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(insert.formatted("01900000-0000-7000-8000-00000000beef")))
                .hasMessageContaining("donations_keyed_by_charge");
        }
        try (var c = ownerConnection(t.id()); var s = c.createStatement()) {
            s.execute("delete from donations where id = '" + charge + "'");
        }
    }

    @Test
    void a_donation_naming_an_unknown_person_is_refused_before_anything_is_written() {
        ApiResponse r = api().post("/api/v1/donations", t.adminToken(), Map.of("personId", "01900000-0000-7000-8000-000000000000",
            "amount", 5000, "receivedOn", "2027-01-10", "method", "cash"));
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.body()).contains("personId");
        assertThat(api().get("/api/v1/donations", t.adminToken()).json().get("total").asLong()).isZero();
    }

    private static String id(ApiResponse r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("id").asText();
    }
}
