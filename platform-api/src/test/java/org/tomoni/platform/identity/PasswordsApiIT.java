package org.tomoni.platform.identity;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.MutableClock;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestMail;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A user's own password: the change, the forced change of a temporary password, and the reset by e-mail (real SMTP). */
@MicronautTest(transactional = false)
class PasswordsApiIT extends PlatformTest {
    private static final Pattern LINK = Pattern.compile("http://staff\\.test/password-reset/([A-Za-z0-9_\\-.]+)");
    private final MutableClock clock = new MutableClock(Instant.now());
    TestMail mail;
    TestTenant a;
    TestTenant b;

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @Override
    protected Map<String, String> extraProperties() {
        mail = new TestMail();
        Map<String, String> p = new HashMap<>(mail.properties());
        p.put("platform.public-base-url", "http://staff.test");
        p.put("platform.public-forms.limit-per-address", "1000/10");
        p.put("platform.public-forms.limit-per-tenant", "1000/10");
        return p;
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @BeforeAll
    void organisations() {
        a = tenants().create("pw-a");
        b = tenants().create("pw-b");
    }

    private ApiResponse login(String tenant, String username, String password) {
        return api().post("/api/v1/auth/login", null, tenant == null ? Map.of("username", username, "password", password)
            : Map.of("tenant", tenant, "username", username, "password", password));
    }

    private ApiResponse change(String token, String current, String next) {
        return api().post("/api/v1/auth/password", token, Map.of("currentPassword", current, "newPassword", next));
    }

    /** A user the admin created with an e-mail and a password of the admin's choosing (temporary). */
    private String userWithEmail(TestTenant t, String username, String email) {
        ApiResponse created = api().post("/api/v1/users", t.adminToken(), Map.of("username", username, "role", "staff",
            "password", TestTenants.PASSWORD, "email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = login(t.slug(), username, TestTenants.PASSWORD).json().get("access_token").asText();
        assertThat(change(token, TestTenants.PASSWORD, "own-password-" + username).status()).isEqualTo(204);
        return created.json().get("user").get("id").asText();
    }

    private String requestLink(String tenant, String email, int mailsBefore) {
        ApiResponse r = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", tenant, "email", email));
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        List<TestMail.Received> received = mail.await(email, mailsBefore + 1);
        assertThat(received).hasSize(mailsBefore + 1);
        TestMail.Received last = received.get(received.size() - 1);
        assertThat(last.subject()).contains("パスワード再設定");
        assertThat(last.body()).contains("30分間");
        Matcher m = LINK.matcher(last.body());
        assertThat(m.find()).as(last.body()).isTrue();
        return m.group(1);
    }

    private ApiResponse reset(String token, String password) {
        return api().post("/api/v1/auth/password-reset", null, Map.of("token", token, "newPassword", password));
    }

    private long audited(TestTenant t, String action, String target) throws Exception {
        try (var c = ownerConnection(t.id()); var s = c.prepareStatement(
            "SELECT count(*) FROM audit_log WHERE tenant_id = ? AND action = ? AND target_id = ? AND outcome = 'success'")) {
            s.setObject(1, t.id());
            s.setString(2, action);
            s.setString(3, target);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void a_user_changes_their_own_password_which_keeps_this_session_ends_the_others_and_is_audited() throws Exception {
        String id = userWithEmail(a, "kaeru", "kaeru@example.jp");
        ApiResponse here = login("pw-a", "kaeru", "own-password-kaeru");
        ApiResponse there = login("pw-a", "kaeru", "own-password-kaeru");
        String token = here.json().get("access_token").asText();
        assertThat(here.json().get("password_change_required").asBoolean()).isFalse();

        ApiResponse wrong = change(token, "not-my-password", "a-brand-new-password");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
        assertThat(wrong.json().get("errors").get(0).get("code").asText()).isEqualTo("wrong_password");
        assertThat(wrong.json().get("errors").get(0).get("message").asText()).isEqualTo("現在のパスワードが違います。もう一度入力してください。");
        ApiResponse tooShort = change(token, "own-password-kaeru", "short");
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        assertThat(tooShort.json().get("errors").get(0).get("code").asText()).isEqualTo("password");

        assertThat(change(token, "own-password-kaeru", "a-brand-new-password").status()).isEqualTo(204);
        assertThat(api().get("/api/v1/people", token).status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(api().get("/api/v1/people", there.json().get("access_token").asText()).status()).as("another session ends").isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refresh_token", there.json().get("refresh_token").asText())).status())
            .isEqualTo(401);
        assertThat(login("pw-a", "kaeru", "own-password-kaeru").status()).isEqualTo(401);
        assertThat(login("pw-a", "kaeru", "a-brand-new-password").status()).isEqualTo(200);
        assertThat(audited(a, "user.change_password", id)).isEqualTo(2);
    }

    @Test
    void a_temporary_password_gets_a_token_that_can_only_change_the_password_or_log_out() {
        ApiResponse created = api().post("/api/v1/users", a.adminToken(), Map.of("username", "shinjin", "role", "staff"));
        String temporary = created.json().get("temporaryPassword").asText();
        assertThat(created.json().get("user").get("passwordTemporary").asBoolean()).isTrue();
        ApiResponse first = login("pw-a", "shinjin", temporary);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("password_change_required").asBoolean()).isTrue();
        String token = first.json().get("access_token").asText();

        ApiResponse refused = api().get("/api/v1/people", token);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asText()).isEqualTo("password_change_required");
        assertThat(refused.json().get("title").asText()).contains("仮パスワード");
        assertThat(api().get("/api/v1/users/" + created.json().get("user").get("id").asText(), token).status()).isEqualTo(403);

        assertThat(change(token, temporary, "shinjin-own-password").status()).isEqualTo(204);
        assertThat(api().get("/api/v1/people", token).status()).as("lifted at once").isEqualTo(200);
        ApiResponse again = login("pw-a", "shinjin", "shinjin-own-password");
        assertThat(again.json().get("password_change_required").asBoolean()).isFalse();
    }

    @Test
    void an_admins_reset_makes_the_password_temporary_again_and_logout_stays_open() {
        ApiResponse created = api().post("/api/v1/users", a.adminToken(), Map.of("username", "wasure", "role", "staff"));
        String id = created.json().get("user").get("id").asText();
        String temporary = api().post("/api/v1/users/" + id + "/password-reset", a.adminToken(), Map.of()).json().get("temporaryPassword").asText();
        ApiResponse signedIn = login("pw-a", "wasure", temporary);
        assertThat(api().get("/api/v1/people", signedIn.json().get("access_token").asText()).json().get("code").asText())
            .isEqualTo("password_change_required");
        assertThat(api().post("/api/v1/auth/logout", signedIn.json().get("access_token").asText(),
            Map.of("refresh_token", signedIn.json().get("refresh_token").asText())).status()).isEqualTo(204);
    }

    @Test
    void the_platform_operator_changes_their_own_password() {
        context.getBean(PlatformAccounts.class).create("pw-operator", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        String token = login(null, "pw-operator", TestTenants.PASSWORD).json().get("access_token").asText();
        assertThat(change(token, TestTenants.PASSWORD, "operator-new-password").status()).isEqualTo(204);
        assertThat(login(null, "pw-operator", TestTenants.PASSWORD).status()).isEqualTo(401);
        assertThat(login(null, "pw-operator", "operator-new-password").status()).isEqualTo(200);
    }

    @Test
    void a_reset_link_from_the_mail_sets_a_new_password_once_ends_every_session_and_is_audited() throws Exception {
        String id = userWithEmail(a, "hanako", "Hanako@Example.jp");
        String session = login("pw-a", "hanako", "own-password-hanako").json().get("access_token").asText();
        String token = requestLink("pw-a", "hanako@example.jp", 0);

        ApiResponse weak = reset(token, "short");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("newPassword");
        assertThat(reset(token, "hanako-after-reset").status()).as("a refused password does not use the link up").isEqualTo(204);
        assertThat(api().get("/api/v1/people", session).status()).isEqualTo(401);
        assertThat(login("pw-a", "hanako", "hanako-after-reset").json().get("password_change_required").asBoolean()).isFalse();

        ApiResponse twice = reset(token, "hanako-third-password");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("errors").get(0).get("field").asText()).isEqualTo("token");
        assertThat(twice.json().get("errors").get(0).get("code").asText()).isEqualTo("link_used");
        assertThat(login("pw-a", "hanako", "hanako-third-password").status()).isEqualTo(401);
        assertThat(audited(a, "user.password_reset", id)).isEqualTo(1);
        try (var c = ownerConnection(a.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT token_hash FROM password_resets")) {
            while (rs.next()) {
                assertThat(new String(rs.getBytes(1), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(token);
            }
        }
        assertThat(reset(token.substring(0, token.length() - 2) + "xx", "forged-password-1").json().get("errors").get(0).get("code").asText())
            .isEqualTo("link_invalid");
    }

    @Test
    void a_link_expires_after_thirty_minutes_on_the_platforms_clock() {
        userWithEmail(a, "osoi", "osoi@example.jp");
        String token = requestLink("pw-a", "osoi@example.jp", 0);
        Instant before = clock.instant();
        try {
            clock.advance(Duration.ofMinutes(31));
            ApiResponse late = reset(token, "too-late-password");
            assertThat(late.status()).isEqualTo(400);
            assertThat(late.json().get("errors").get(0).get("code").asText()).isEqualTo("link_expired");
            assertThat(late.json().get("errors").get(0).get("message").asText()).contains("有効期限");
        } finally {
            clock.set(before);
        }
        assertThat(login("pw-a", "osoi", "too-late-password").status()).isEqualTo(401);
    }

    @Test
    void a_newer_link_makes_the_older_one_unusable() {
        userWithEmail(a, "nidome", "nidome@example.jp");
        String older = requestLink("pw-a", "nidome@example.jp", 0);
        String newer = requestLink("pw-a", "nidome@example.jp", 1);
        assertThat(reset(older, "older-link-password").json().get("errors").get(0).get("code").asText()).isEqualTo("link_superseded");
        assertThat(reset(newer, "newer-link-password").status()).isEqualTo(204);
    }

    @Test
    void unknown_addresses_get_the_same_answer_and_another_tenants_user_cannot_be_reset_through_this_tenants_slug() {
        userWithEmail(b, "otsu", "otsu@example.jp");
        ApiResponse otherTenant = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", "pw-a", "email", "otsu@example.jp"));
        ApiResponse unknown = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", "pw-a", "email", "nobody@example.jp"));
        ApiResponse noTenant = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", "no-such-org", "email", "otsu@example.jp"));
        userWithEmail(a, "kou", "kou@example.jp");
        ApiResponse known = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", "pw-a", "email", "kou@example.jp"));
        for (ApiResponse r : List.of(otherTenant, unknown, noTenant)) {
            assertThat(r.status()).isEqualTo(known.status()).isEqualTo(202);
            assertThat(r.body()).isEqualTo(known.body());
        }
        assertThat(mail.await("kou@example.jp", 1)).hasSize(1);
        assertThat(mail.to("otsu@example.jp")).as("B's user gets nothing through A's slug").isEmpty();
        assertThat(mail.to("nobody@example.jp")).isEmpty();
    }

    @Test
    void a_deactivated_user_cannot_reset_and_an_earlier_link_stops_working() {
        String id = userWithEmail(a, "yameta", "yameta@example.jp");
        String token = requestLink("pw-a", "yameta@example.jp", 0);
        assertThat(api().post("/api/v1/users/" + id + "/deactivate", a.adminToken(), Map.of()).status()).isEqualTo(200);
        assertThat(reset(token, "after-leaving-1").json().get("errors").get(0).get("code").asText()).isEqualTo("link_invalid");
        ApiResponse again = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", "pw-a", "email", "yameta@example.jp"));
        assertThat(again.status()).isEqualTo(202);
        userWithEmail(a, "nokoru", "nokoru@example.jp");
        requestLink("pw-a", "nokoru@example.jp", 0);
        assertThat(mail.to("yameta@example.jp")).hasSize(1);
    }

    @Test
    void reset_requests_are_throttled_per_address_of_mail() {
        ApiResponse last = null;
        for (int i = 0; i < 6; i++) {
            last = api().post("/api/v1/auth/password-reset-requests", null, Map.of("tenant", "pw-b", "email", "flood@example.jp"));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotBlank();
    }
}
