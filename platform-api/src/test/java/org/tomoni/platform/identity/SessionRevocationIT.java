package org.tomoni.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access token is only as good as its session: deactivation, a role change and logout end it
 * within seconds, and a token the platform's own key signed but the platform never issued
 * (no expiry, a ten-year expiry, a user who does not exist, no session) is refused.
 */
@MicronautTest(transactional = false)
class SessionRevocationIT extends PlatformTest {
    private static final Duration AT_MOST = Duration.ofSeconds(5);
    TestTenant t;

    @BeforeAll
    void tenant() {
        t = tenants().create("sessions");
    }

    record Session(String access, String refresh) {
    }

    private Session login(String tenant, String user) {
        ApiResponse r = api().post("/api/v1/auth/login", null, tenant == null ? Map.of("username", user, "password", TestTenants.PASSWORD)
            : Map.of("tenant", tenant, "username", user, "password", TestTenants.PASSWORD));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return new Session(r.json().get("access_token").asText(), r.json().get("refresh_token").asText());
    }

    private String newUser(String username, Role role) {
        ApiResponse created = api().post("/api/v1/users", t.adminToken(), Map.of("username", username, "role", role.code(),
            "password", TestTenants.PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("user").get("id").asText();
        // The admin's password is temporary: the user chooses theirs (the same text) before the sessions under test.
        TestTenants.ownPassword(context, t, java.util.UUID.fromString(id), role);
        return id;
    }

    private int people(String token) {
        return api().get("/api/v1/people", token).status();
    }

    /** Polls until the token is refused; fails when a request sent five seconds after the change still passes. */
    private void refusedWithinFiveSeconds(String token, String path) {
        Instant start = Instant.now();
        while (true) {
            Instant sent = Instant.now();
            int status = api().get(path, token).status();
            if (status == 401) {
                return;
            }
            assertThat(Duration.between(start, sent)).as("still %s for a request sent after %s", status, AT_MOST)
                .isLessThan(AT_MOST);
            sleep(100);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void a_deactivated_users_unexpired_access_token_is_refused_within_five_seconds() {
        String id = newUser("leaver", Role.STAFF);
        Session s = login("sessions", "leaver");
        assertThat(people(s.access())).isEqualTo(200);
        assertThat(api().post("/api/v1/users/" + id + "/deactivate", t.adminToken(), Map.of()).status()).isEqualTo(200);
        refusedWithinFiveSeconds(s.access(), "/api/v1/people");
        assertThat(api().post("/api/v1/people", s.access(), Map.of("familyName", "書", "givenName", "込", "familyNameKana", "カキ",
            "givenNameKana", "コミ")).status()).as("no write either").isEqualTo(401);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refresh_token", s.refresh())).status()).isEqualTo(401);
    }

    @Test
    void a_deactivation_written_by_another_node_is_honoured_here_within_five_seconds() throws Exception {
        String id = newUser("elsewhere", Role.STAFF);
        Session s = login("sessions", "elsewhere");
        assertThat(people(s.access())).as("cached as active on this node").isEqualTo(200);
        try (var c = ownerConnection(t.id()); var st = c.createStatement()) {
            st.executeUpdate("update users set active = false where id = '" + id + "'");
        }
        refusedWithinFiveSeconds(s.access(), "/api/v1/people");
    }

    @Test
    void logout_ends_that_sessions_access_token_and_only_that_session() {
        newUser("twice", Role.STAFF);
        Session first = login("sessions", "twice");
        Session second = login("sessions", "twice");
        assertThat(people(first.access())).isEqualTo(200);
        assertThat(api().post("/api/v1/auth/logout", null, Map.of("refresh_token", first.refresh())).status()).isEqualTo(204);
        refusedWithinFiveSeconds(first.access(), "/api/v1/people");
        assertThat(people(second.access())).as("the other session of the same user").isEqualTo(200);
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refresh_token", second.refresh())).status()).isEqualTo(200);
    }

    @Test
    void a_role_change_ends_every_session_of_the_user() {
        String id = newUser("promoted", Role.READ_ONLY);
        Session one = login("sessions", "promoted");
        Session two = login("sessions", "promoted");
        assertThat(people(one.access())).isEqualTo(200);
        ApiResponse changed = api().put("/api/v1/users/" + id + "/role", t.adminToken(), Map.of("role", "staff"), Map.of());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        refusedWithinFiveSeconds(one.access(), "/api/v1/people");
        refusedWithinFiveSeconds(two.access(), "/api/v1/people");
        assertThat(api().post("/api/v1/auth/refresh", null, Map.of("refresh_token", one.refresh())).status()).isEqualTo(401);
        Session again = login("sessions", "promoted");
        assertThat(people(again.access())).as("a new sign-in carries the new role").isEqualTo(200);
    }

    @Test
    void a_platform_users_token_ends_with_its_session_too() {
        context.getBean(PlatformAccounts.class).create("sess-operator", "運用", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        Session s = login(null, "sess-operator");
        assertThat(api().get("/api/v1/tenants", s.access()).status()).isEqualTo(200);
        api().post("/api/v1/auth/logout", null, Map.of("refresh_token", s.refresh()));
        refusedWithinFiveSeconds(s.access(), "/api/v1/tenants");
    }

    @Test
    void tokens_signed_with_the_real_key_but_never_issued_are_refused() throws Exception {
        Session real = login("sessions", "admin");
        JWTClaimsSet issued = SignedJWT.parse(real.access()).getJWTClaimsSet();
        Instant now = Instant.now();
        assertThat(people(forge(issued, b -> { }))).as("the forging harness itself makes acceptable tokens").isEqualTo(200);

        assertThat(people(forge(issued, b -> b.expirationTime(null)))).as("no exp").isEqualTo(401);
        assertThat(people(forge(issued, b -> b.expirationTime(Date.from(now.plus(Duration.ofDays(3650))))))).as("10-year exp")
            .isEqualTo(401);
        assertThat(people(forge(issued, b -> b.issueTime(Date.from(now.plus(Duration.ofDays(3649))))
            .expirationTime(Date.from(now.plus(Duration.ofDays(3650))))))).as("a short token far in the future").isEqualTo(401);
        assertThat(people(forge(issued, b -> b.issueTime(null)))).as("no iat").isEqualTo(401);
        assertThat(people(forge(issued, b -> b.subject(UUID.randomUUID().toString())))).as("a user who does not exist").isEqualTo(401);
        assertThat(people(forge(issued, b -> b.claim("sid", null)))).as("no session").isEqualTo(401);
        assertThat(people(forge(issued, b -> b.claim("sid", UUID.randomUUID().toString())))).as("a session never opened").isEqualTo(401);
        assertThat(people(forge(issued, b -> b.claim("roles", List.of("tenant_admin", "staff"))))).as("extra roles").isEqualTo(401);
        String operator = forge(issued, b -> b.subject(UUID.randomUUID().toString()).claim("tenant_id", null).claim("tenant_slug", null)
            .claim("roles", List.of("platform_operator")));
        assertThat(api().get("/api/v1/tenants", operator).status()).as("an operator who does not exist").isEqualTo(401);
        JsonNode refused = api().get("/api/v1/people", forge(issued, b -> b.expirationTime(null))).json();
        assertThat(refused.get("status").asInt()).isEqualTo(401);
    }

    private String forge(JWTClaimsSet issued, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JwtKeys keys = context.getBean(JwtKeys.class);
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(issued).jwtID(UUID.randomUUID().toString());
        change.accept(b);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(keys.algorithm()).keyID(keys.keyId()).type(JOSEObjectType.JWT).build(), b.build());
        jwt.sign(keys.signer());
        return jwt.serialize();
    }
}
