package org.tomoni.platform.giving;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestMail;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A donor signs up without a login, gets a confirmation mail over real SMTP, and manages the gift from its signed link. */
@MicronautTest(transactional = false)
class PublicSignupIT extends PlatformTest {
    private static final Pattern LINK = Pattern.compile("http://donate\\.test/public/gift/([A-Za-z0-9_\\-.]+)");
    TestMail mail;
    TestTenant t;
    String supporter;

    @Override
    protected Map<String, String> extraProperties() {
        mail = new TestMail();
        Map<String, String> p = new HashMap<>(mail.properties());
        p.put("platform.public-base-url", "http://donate.test");
        return p;
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @BeforeAll
    void plans() {
        t = tenants().create("inclu-public", "grant_fund");
        supporter = api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "サポーター", "unitAmount", 300, "interval", "monthly"))
            .json().get("id").asText();
        api().post("/api/v1/gift-plans", t.adminToken(), Map.of("name", "内部用", "unitAmount", 100, "interval", "monthly", "published", false));
    }

    @Test
    void the_public_page_lists_published_plans_only_and_unknown_organisations_are_not_found() {
        JsonNode plans = api().get("/api/v1/public/inclu-public/gift-plans", null).json();
        assertThat(plans.get("items")).hasSize(1);
        assertThat(plans.get("items").get(0).get("name").asText()).isEqualTo("サポーター");
        assertThat(plans.get("items").get(0).get("unitAmount").asLong()).isEqualTo(300);
        assertThat(plans.get("items").get(0).get("interval").asText()).isEqualTo("monthly");
        assertThat(api().get("/api/v1/public/no-such-org/gift-plans", null).status()).isEqualTo(404);
    }

    @Test
    void a_sign_up_creates_one_gift_however_often_it_is_sent_and_the_donor_gets_a_mail_with_a_working_link() throws Exception {
        String key = UUID.randomUUID().toString();
        ApiResponse first = signUp(key, signup("hanako@example.jp", "1234567"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("status").asText()).isEqualTo("active");
        assertThat(first.json().get("monthlyAmount").asLong()).isEqualTo(900);
        ApiResponse again = signUp(key, signup("hanako@example.jp", "1234567"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        String id = first.json().get("id").asText();
        assertThat(giftsOf("hanako@example.jp")).as("one gift and one donor however often the key is sent").isEqualTo(1);

        JsonNode staffView = api().get("/api/v1/recurring-gifts/" + id, t.adminToken()).json();
        assertThat(staffView.get("bankAccount").get("accountNumberMasked").asText()).isEqualTo("****567");
        assertThat(staffView.get("bankAccount").get("accountHolderKana").asText()).isEqualTo("ﾔﾏﾀﾞ ﾊﾅｺ");
        assertThat(staffView.toString()).doesNotContain("1234567");
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet r = s.executeQuery("select account_number_enc, account_number_mask from recurring_gifts where id = '" + id + "'")) {
            r.next();
            assertThat(r.getString(1)).startsWith("v2:").doesNotContain("1234567");
            assertThat(r.getString(2)).isEqualTo("****567");
        }

        List<TestMail.Received> mails = mail.await("hanako@example.jp", 1);
        assertThat(mails).as("one confirmation, not one per retry").hasSize(1);
        assertThat(mails.get(0).subject()).contains("お申し込みを受け付けました");
        assertThat(mails.get(0).body()).contains("山田 花子 様", "サポーター × 3口", "毎月 900円", "口座振替");
        Matcher link = LINK.matcher(mails.get(0).body());
        assertThat(link.find()).as(mails.get(0).body()).isTrue();
        JsonNode donorView = api().get("/api/v1/public/gifts/" + link.group(1), null).json();
        assertThat(donorView.get("units").asInt()).isEqualTo(3);
        assertThat(donorView.get("organization").asText()).isNotBlank();
        assertThat(donorView.get("bankAccount").get("accountNumberMasked").asText()).isEqualTo("****567");
    }

    @Test
    void the_donor_changes_units_pauses_resumes_and_cancels_from_the_link_and_each_change_is_in_the_history() {
        ApiResponse created = signUp(UUID.randomUUID().toString(), signup("taro@example.jp", "7654321"));
        String id = created.json().get("id").asText();
        String token = token("taro@example.jp");
        assertThat(api().post("/api/v1/public/gifts/" + token + "/units", null, Map.of("units", 5)).json().get("amount").asLong()).isEqualTo(1500);
        assertThat(api().post("/api/v1/public/gifts/" + token + "/pause", null, Map.of()).json().get("status").asText()).isEqualTo("paused");
        assertThat(api().post("/api/v1/public/gifts/" + token + "/resume", null, Map.of()).json().get("status").asText()).isEqualTo("active");
        assertThat(api().post("/api/v1/public/gifts/" + token + "/resume", null, Map.of()).status()).isEqualTo(400);
        assertThat(api().post("/api/v1/public/gifts/" + token + "/cancel", null, Map.of()).json().get("status").asText()).isEqualTo("cancelled");
        List<String> history = new ArrayList<>();
        api().get("/api/v1/recurring-gifts/" + id, t.adminToken()).json().get("history")
            .forEach(e -> history.add(e.get("kind").asText() + "/" + e.get("by").asText()));
        assertThat(history).containsExactly("created/public-signup@inclu-public", "units/donor@inclu-public", "pause/donor@inclu-public",
            "resume/donor@inclu-public", "cancel/donor@inclu-public");
        assertThat(mail.await("taro@example.jp", 5)).extracting(TestMail.Received::subject).filteredOn(s -> s.contains("変更")).hasSize(4);
    }

    @Test
    void a_forged_or_altered_link_is_not_found() {
        signUp(UUID.randomUUID().toString(), signup("jiro@example.jp", "1111111"));
        String token = token("jiro@example.jp");
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        assertThat(api().get("/api/v1/public/gifts/" + altered, null).status()).isEqualTo(404);
        assertThat(api().post("/api/v1/public/gifts/" + altered + "/cancel", null, Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/public/gifts/not-a-token", null).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/public/gifts/" + token, null).status()).isEqualTo(200);
    }

    @Test
    void invalid_input_is_refused_naming_every_field_and_nothing_is_saved() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("planId", supporter);
        bad.put("units", 0);
        bad.put("donor", Map.of("familyName", "", "givenName", "花子", "familyNameKana", "Yamada", "givenNameKana", "ハナコ",
            "email", "not-an-email", "postalCode", "12", "prefecture", "東京都", "city", "千代田区", "addressLine1", "1-1"));
        bad.put("payment", Map.of("method", "direct_debit", "bankCode", "05", "branchCode", "1234", "accountType", 3,
            "accountNumber", "12345678", "accountHolderKana", "山田★"));
        ApiResponse r = signUp(UUID.randomUUID().toString(), bad);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        r.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("units", "donor.familyName", "donor.familyNameKana", "donor.email", "donor.postalCode",
            "payment.bankCode", "payment.branchCode", "payment.accountType", "payment.accountNumber", "payment.accountHolderKana");
        r.json().get("errors").forEach(e -> assertThat(e.get("message").asText()).isNotBlank());
        assertThat(giftsOf("not-an-email")).isZero();
    }

    @Test
    void a_sign_up_needs_an_idempotency_key_and_a_reused_key_with_another_body_is_refused() {
        ApiResponse noKey = api().send("POST", "/api/v1/public/inclu-public/recurring-gifts", null, signup("key@example.jp", "2222222"), Map.of());
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body()).contains("Idempotency-Key");
        String key = UUID.randomUUID().toString();
        assertThat(signUp(key, signup("key@example.jp", "2222222")).status()).isEqualTo(201);
        ApiResponse other = signUp(key, signup("key2@example.jp", "3333333"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(giftsOf("key2@example.jp")).isZero();
    }

    @Test
    void an_unpublished_plan_cannot_be_chosen_and_a_card_is_refused_while_no_provider_is_configured() {
        Map<String, Object> body = signup("card@example.jp", "4444444");
        body.put("payment", Map.of("method", "card", "cardToken", "tok_test_visa_4242"));
        ApiResponse card = signUp(UUID.randomUUID().toString(), body);
        assertThat(card.status()).isEqualTo(400);
        assertThat(card.body()).contains("payment.cardToken");
        assertThat(giftsOf("card@example.jp")).isZero();
    }

    private String token(String email) {
        List<TestMail.Received> mails = mail.await(email, 1);
        Matcher m = LINK.matcher(mails.get(mails.size() - 1).body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private ApiResponse signUp(String key, Object body) {
        return api().send("POST", "/api/v1/public/inclu-public/recurring-gifts", null, body, Map.of("Idempotency-Key", key));
    }

    private Map<String, Object> signup(String email, String account) {
        return org.tomoni.platform.testing.SignupBodies.directDebit(supporter, 3, email, account);
    }

    private int giftsOf(String email) {
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet r = s.executeQuery("select count(*) from recurring_gifts g join people p on p.tenant_id = g.tenant_id and p.id = g.person_id"
                 + " where p.email = '" + email + "'")) {
            r.next();
            return r.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
