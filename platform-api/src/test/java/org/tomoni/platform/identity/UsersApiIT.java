package org.tomoni.platform.identity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class UsersApiIT extends PlatformTest {
    TestTenant a;
    TestTenant b;

    @BeforeAll
    void createTenants() {
        a = tenants().create("users-a");
        b = tenants().create("users-b");
    }

    @Test
    void an_admin_creates_a_user_with_a_role_and_a_generated_password_that_logs_in() {
        ApiResponse created = api().post("/api/v1/users", a.adminToken(), Map.of("username", "Suzuki", "displayName", "鈴木", "role", "staff"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/v1/users/" + created.json().get("user").get("id").asText());
        assertThat(created.json().get("user").get("username").asText()).isEqualTo("suzuki");
        assertThat(created.json().get("user").get("role").asText()).isEqualTo("staff");
        assertThat(created.json().get("user").has("passwordHash")).isFalse();
        String password = created.json().get("temporaryPassword").asText();
        assertThat(password).hasSizeGreaterThanOrEqualTo(12);
        assertThat(api().login("users-a", "suzuki", password)).isNotBlank();
    }

    @Test
    void an_admin_sets_changes_and_clears_a_users_email_refusing_a_bad_or_taken_one_and_another_tenants_user_is_not_found() {
        String id = api().post("/api/v1/users", a.adminToken(), Map.of("username", "mail-less", "role", "staff")).json().get("user").get("id").asText();
        api().post("/api/v1/users", a.adminToken(), Map.of("username", "mail-owner", "role", "staff", "email", "taken@example.jp"));
        ApiResponse set = api().put("/api/v1/users/" + id + "/email", a.adminToken(), Map.of("email", "Mail.Less@Example.jp"), Map.of());
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("email").asText()).isEqualTo("mail.less@example.jp");
        assertThat(set.json().get("passwordTemporary").asBoolean()).isTrue();

        ApiResponse bad = api().put("/api/v1/users/" + id + "/email", a.adminToken(), Map.of("email", "not an address"), Map.of());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("email");
        for (String worst : new String[] {"nul\u0000@example.jp", "a".repeat(1_000_000) + "@example.jp"}) {
            ApiResponse refused = api().put("/api/v1/users/" + id + "/email", a.adminToken(), Map.of("email", worst), Map.of());
            assertThat(refused.status()).as("%.40s", worst).isIn(400, 413);
        }
        assertThat(api().get("/api/v1/users/" + id, a.adminToken()).json().get("email").asText()).as("kept as it was")
            .isEqualTo("mail.less@example.jp");
        ApiResponse taken = api().put("/api/v1/users/" + id + "/email", a.adminToken(), Map.of("email", "TAKEN@example.jp"), Map.of());
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.json().get("errors").get(0).get("code").asText()).isEqualTo("taken");

        java.util.Map<String, Object> none = new java.util.HashMap<>();
        none.put("email", null);
        ApiResponse cleared = api().put("/api/v1/users/" + id + "/email", a.adminToken(), none, Map.of());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("email").isNull()).isTrue();

        assertThat(api().put("/api/v1/users/" + id + "/email", b.adminToken(), Map.of("email", "x@example.jp"), Map.of()).status()).isEqualTo(404);
        String staff = tenants().userToken(a, "mail-staff", org.tomoni.platform.shared.Role.STAFF);
        assertThat(api().put("/api/v1/users/" + id + "/email", staff, Map.of("email", "x@example.jp"), Map.of()).status()).isEqualTo(403);
    }

    @Test
    void invalid_or_duplicate_users_are_refused_naming_each_field() {
        api().post("/api/v1/users", a.adminToken(), Map.of("username", "dup-user", "role", "staff"));
        ApiResponse r = api().post("/api/v1/users", a.adminToken(), Map.of("username", "dup-user", "role", "platform_operator", "password", "short"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(fields(r)).containsExactlyInAnyOrder("username", "role", "password");
        assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("taken");
    }

    @Test
    void deactivating_a_user_stops_their_login_and_their_refresh_tokens() {
        String id = api().post("/api/v1/users", a.adminToken(), Map.of("username", "leaver", "role", "staff", "password", TestTenants.PASSWORD))
            .json().get("user").get("id").asText();
        String refresh = api().post("/api/v1/auth/login", null, Map.of("tenant", "users-a", "username", "leaver", "password", TestTenants.PASSWORD))
            .json().get("refresh_token").asText();
        ApiResponse r = api().post("/api/v1/users/" + id + "/deactivate", a.adminToken(), Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("active").asBoolean()).isFalse();
        assertThat(api().post("/api/v1/auth/login", null, Map.of("tenant", "users-a", "username", "leaver", "password", TestTenants.PASSWORD)).status())
            .isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refresh_token", refresh)).status()).isEqualTo(401);
    }

    @Test
    void a_password_reset_replaces_the_password_and_a_role_change_takes_effect() {
        String id = api().post("/api/v1/users", a.adminToken(), Map.of("username", "forgetful", "role", "read_only", "password", TestTenants.PASSWORD))
            .json().get("user").get("id").asText();
        ApiResponse reset = api().post("/api/v1/users/" + id + "/password-reset", a.adminToken(), Map.of());
        assertThat(reset.status()).isEqualTo(200);
        String temporary = reset.json().get("temporaryPassword").asText();
        assertThat(api().post("/api/v1/auth/login", null, Map.of("tenant", "users-a", "username", "forgetful", "password", TestTenants.PASSWORD)).status())
            .isEqualTo(401);
        String token = api().login("users-a", "forgetful", temporary);
        // The reset password is temporary: its owner changes it first (the change keeps this token's session).
        assertThat(api().post("/api/v1/auth/password", token, Map.of("currentPassword", temporary, "newPassword", "forgetful-own-choice"))
            .status()).isEqualTo(204);
        assertThat(api().post("/api/v1/people", token, Map.of("familyName", "読", "givenName", "専", "familyNameKana", "ヨミ", "givenNameKana", "セン")).status())
            .as("read_only cannot write").isEqualTo(403);

        ApiResponse changed = api().put("/api/v1/users/" + id + "/role", a.adminToken(), Map.of("role", "staff"), Map.of());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asText()).isEqualTo("staff");
        String staffToken = api().login("users-a", "forgetful", "forgetful-own-choice");
        assertThat(api().post("/api/v1/people", staffToken, Map.of("familyName", "読", "givenName", "専", "familyNameKana", "ヨミ", "givenNameKana", "セン")).status())
            .isEqualTo(201);
    }

    @Test
    void the_last_active_admin_cannot_be_deactivated_or_demoted() {
        ApiResponse deactivate = api().post("/api/v1/users/" + a.admin().userId() + "/deactivate", a.adminToken(), Map.of());
        assertThat(deactivate.status()).isEqualTo(400);
        assertThat(deactivate.json().get("errors").get(0).get("code").asText()).isEqualTo("last_admin");
        ApiResponse demote = api().put("/api/v1/users/" + a.admin().userId() + "/role", a.adminToken(), Map.of("role", "staff"), Map.of());
        assertThat(demote.status()).isEqualTo(400);
    }

    @Test
    void an_admin_cannot_deactivate_themselves_even_with_another_admin_and_is_told_why_in_japanese_or_english() {
        TestTenant t = tenants().create("users-self");
        String second = tenants().userToken(t, "second-admin", Role.TENANT_ADMIN);
        String secondId = idOfUser(t, "second-admin");

        ApiResponse ja = api().post("/api/v1/users/" + t.admin().userId() + "/deactivate", t.adminToken(), Map.of());
        assertThat(ja.status()).isEqualTo(400);
        assertThat(ja.json().get("errors").get(0).get("field").asText()).isEqualTo("active");
        assertThat(ja.json().get("errors").get(0).get("code").asText()).isEqualTo("self_deactivation");
        assertThat(ja.json().get("errors").get(0).get("message").asText()).isEqualTo("自分自身は無効化できません。ほかの管理者に依頼してください。");
        ApiResponse en = api().send("POST", "/api/v1/users/" + secondId + "/deactivate", second, Map.of(), Map.of("Accept-Language", "en"));
        assertThat(en.status()).isEqualTo(400);
        assertThat(en.json().get("errors").get(0).get("message").asText()).isEqualTo("You cannot deactivate yourself. Ask another administrator.");
        assertThat(api().get("/api/v1/users/" + t.admin().userId(), t.adminToken()).json().get("active").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/users/" + secondId, t.adminToken()).json().get("active").asBoolean()).isTrue();

        ApiResponse other = api().post("/api/v1/users/" + secondId + "/deactivate", t.adminToken(), Map.of());
        assertThat(other.status()).as("another admin may still be deactivated").isEqualTo(200);
        assertThat(other.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void a_deactivated_user_is_reactivated_signs_in_again_with_the_same_role_and_it_is_audited() throws Exception {
        String id = api().post("/api/v1/users", a.adminToken(), Map.of("username", "returner", "role", "read_only", "password", TestTenants.PASSWORD))
            .json().get("user").get("id").asText();
        assertThat(api().post("/api/v1/users/" + id + "/deactivate", a.adminToken(), Map.of()).status()).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/login", null, Map.of("tenant", "users-a", "username", "returner", "password", TestTenants.PASSWORD))
            .status()).isEqualTo(401);

        ApiResponse r = api().post("/api/v1/users/" + id + "/reactivate", a.adminToken(), Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().get("active").asBoolean()).isTrue();
        assertThat(r.json().get("role").asText()).isEqualTo("read_only");
        assertThat(api().login("users-a", "returner", TestTenants.PASSWORD)).isNotBlank();
        assertThat(api().post("/api/v1/users/" + id + "/reactivate", a.adminToken(), Map.of()).json().get("active").asBoolean())
            .as("reactivating an active user leaves it active").isTrue();

        String staff = tenants().userToken(a, "not-an-admin", Role.STAFF);
        assertThat(api().post("/api/v1/users/" + id + "/reactivate", staff, Map.of()).status()).isEqualTo(403);
        String bUser = api().post("/api/v1/users", b.adminToken(), Map.of("username", "b-sleeper", "role", "staff")).json().get("user").get("id").asText();
        api().post("/api/v1/users/" + bUser + "/deactivate", b.adminToken(), Map.of());
        assertThat(api().post("/api/v1/users/" + bUser + "/reactivate", a.adminToken(), Map.of()).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/users/" + bUser, b.adminToken()).json().get("active").asBoolean()).as("B's user stays off").isFalse();
        try (Connection c = ownerConnection(a.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select action from audit_log where target_id = '" + id + "' order by occurred_at")) {
            List<String> actions = new ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
            }
            assertThat(actions).containsSubsequence("user.deactivate", "user.reactivate");
        }
    }

    private String idOfUser(TestTenant t, String username) {
        for (var u : api().get("/api/v1/users?size=100", t.adminToken()).json().get("items")) {
            if (u.get("username").asText().equals(username)) {
                return u.get("id").asText();
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    @Test
    void staff_read_only_and_platform_users_cannot_manage_users() {
        String staff = tenants().userToken(a, "plain-staff", Role.STAFF);
        assertThat(api().get("/api/v1/users", staff).status()).isEqualTo(403);
        assertThat(api().post("/api/v1/users", staff, Map.of("username", "sneaky", "role", "tenant_admin")).status()).isEqualTo(403);
        context.getBean(PlatformAccounts.class).create("net-office", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
        String network = api().login(null, "net-office", TestTenants.PASSWORD);
        assertThat(api().get("/api/v1/users", network).status()).isEqualTo(403);
    }

    @Test
    void another_tenants_users_are_not_found_and_not_listed() {
        String bUser = api().post("/api/v1/users", b.adminToken(), Map.of("username", "b-only", "role", "staff")).json().get("user").get("id").asText();
        for (ApiResponse r : List.of(
            api().get("/api/v1/users/" + bUser, a.adminToken()),
            api().post("/api/v1/users/" + bUser + "/deactivate", a.adminToken(), Map.of()),
            api().put("/api/v1/users/" + bUser + "/role", a.adminToken(), Map.of("role", "read_only"), Map.of()),
            api().post("/api/v1/users/" + bUser + "/password-reset", a.adminToken(), Map.of()))) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
        }
        ApiResponse list = api().get("/api/v1/users?size=100", a.adminToken());
        assertThat(list.body()).doesNotContain("b-only").doesNotContain(bUser);
        assertThat(api().get("/api/v1/users/" + bUser, b.adminToken()).json().get("active").asBoolean()).as("untouched").isTrue();
    }

    @Test
    void user_changes_are_audited_with_actor_action_and_target() throws Exception {
        String id = api().post("/api/v1/users", a.adminToken(), Map.of("username", "audited", "role", "staff")).json().get("user").get("id").asText();
        api().post("/api/v1/users/" + id + "/deactivate", a.adminToken(), Map.of());
        try (Connection c = ownerConnection(a.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select action, actor_id, outcome from audit_log where target_id = '" + id + "' order by occurred_at")) {
            List<String> actions = new ArrayList<>();
            while (rs.next()) {
                actions.add(rs.getString(1));
                assertThat(rs.getString(2)).isEqualTo(a.admin().userId().toString());
                assertThat(rs.getString(3)).isEqualTo("success");
            }
            assertThat(actions).containsExactly("user.create", "user.deactivate");
        }
    }

    static List<String> fields(ApiResponse r) {
        List<String> f = new ArrayList<>();
        r.json().get("errors").forEach(e -> f.add(e.get("field").asText()));
        return f;
    }
}
