package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Card gifts through the gateway interface, with a provider double: collected once, a decline puts the gift in error. */
@MicronautTest(transactional = false)
class CardPaymentsIT extends PlatformTest {
    @Inject
    FakeCardGateway gateway;
    TestTenant t;
    String plan;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("test.card-gateway", "fake");
    }

    @BeforeAll
    void setUp() {
        t = tenants().create("card-fund", "grant_fund");
        plan = api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly"))
            .json().get("id").asText();
    }

    @Test
    void a_card_gift_is_charged_once_per_period_and_a_declined_charge_puts_the_gift_in_error() {
        String good = signUp("tok_visa_4242", "card1@example.jp", 2).json().get("id").asText();
        String failing = signUp("tok_card_fails", "card2@example.jp", 1).json().get("id").asText();
        String month = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Tokyo")).plusMonths(1).toString();

        JsonNode run = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", month)).json();
        assertThat(run.get("batches")).as("card charges never go into a direct-debit batch").isEmpty();
        assertThat(run.get("card").get("attempted").asInt()).isEqualTo(2);
        assertThat(run.get("card").get("collected").asInt()).isEqualTo(1);
        assertThat(gateway.charges.values()).containsExactly(600L);

        JsonNode donations = api().get("/api/v1/donations", t.adminToken()).json();
        assertThat(donations.get("total").asInt()).isEqualTo(1);
        assertThat(donations.get("items").get(0).get("method").asText()).isEqualTo("card");
        JsonNode declined = api().get("/api/v1/recurring-gifts/" + failing, t.adminToken()).json();
        assertThat(declined.get("status").asText()).isEqualTo("error");
        assertThat(declined.get("statusReason").asText()).contains("insufficient_funds");
        assertThat(api().get("/api/v1/recurring-gifts/" + good, t.adminToken()).json().get("status").asText()).isEqualTo("active");

        int calls = gateway.calls.get();
        JsonNode again = api().post("/api/v1/billing-runs", t.adminToken(), Map.of("period", month)).json();
        assertThat(again.get("card").get("attempted").asInt()).as("a repeated run charges no card again").isZero();
        assertThat(gateway.calls.get()).isEqualTo(calls);
        assertThat(api().get("/api/v1/donations", t.adminToken()).json().get("total").asInt()).isEqualTo(1);
    }

    @Test
    void a_card_the_provider_refuses_at_sign_up_creates_nothing() {
        long gifts = api().get("/api/v1/recurring-gifts", t.adminToken()).json().get("total").asLong();
        long people = api().get("/api/v1/people", t.adminToken()).json().get("total").asLong();
        ApiResponse refused = signUp("tok_decline_0002", "card3@example.jp", 1);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("payment.cardToken");
        assertThat(api().get("/api/v1/recurring-gifts", t.adminToken()).json().get("total").asLong()).isEqualTo(gifts);
        assertThat(api().get("/api/v1/people", t.adminToken()).json().get("total").asLong()).as("no donor left behind").isEqualTo(people);
    }

    private ApiResponse signUp(String token, String email, int units) {
        Map<String, Object> body = new HashMap<>();
        body.put("planId", plan);
        body.put("units", units);
        body.put("donor", Map.of("familyName", "決済", "givenName", "花子", "familyNameKana", "ケッサイ", "givenNameKana", "ハナコ", "email", email));
        body.put("payment", Map.of("method", "card", "cardToken", token));
        return api().send("POST", "/api/v1/public/card-fund/recurring-gifts", null, body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }
}
