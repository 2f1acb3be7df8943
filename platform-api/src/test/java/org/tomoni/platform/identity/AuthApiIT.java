package org.tomoni.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class AuthApiIT extends PlatformTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @Value("${platform.data-dir}")
    String dataDir;
    TestTenant tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.security.login.max-failures-per-account", "3",
            "platform.security.login.max-failures-per-address", "1000");
    }

    @BeforeAll
    void createTenant() {
        tenant = tenants().create("yume-test", "children_fund");
    }

    @Test
    void login_answers_a_bearer_token_pair_whose_access_token_carries_tenant_and_roles_but_no_personal_data() throws Exception {
        ApiResponse r = login("yume-test", "admin", TestTenants.PASSWORD);
        assertThat(r.status()).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.get("expires_in").asLong()).isEqualTo(900);
        assertThat(body.get("refresh_token").asText()).startsWith(tenant.id() + ".");
        String[] parts = body.get("access_token").asText().split("\\.");
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(claims.get("iss").asText()).isEqualTo("tomoni-platform");
        assertThat(claims.get("aud").asText()).isEqualTo("tomoni-api");
        assertThat(claims.get("tenant_id").asText()).isEqualTo(tenant.id().toString());
        assertThat(claims.get("tenant_slug").asText()).isEqualTo("yume-test");
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("tenant_admin");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.has("jti")).isTrue();
        List<String> names = new java.util.ArrayList<>();
        claims.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("iss", "aud", "sub", "iat", "nbf", "exp", "jti", "tenant_id", "tenant_slug", "roles", "sid");
        assertThat(claims.get("sub").asText()).isEqualTo(tenant.admin().userId().toString());
    }

    @Test
    void a_wrong_password_and_an_unknown_user_or_organisation_get_the_same_answer() {
        ApiResponse wrongPassword = login("yume-test", "admin2", "wrong-password-1");
        context.getBean(UserManagement.class).create(tenant.admin(), new UserManagement.NewUser("admin2", null, "staff", TestTenants.PASSWORD)).orThrow();
        ApiResponse wrong = login("yume-test", "admin2", "wrong-password-2");
        ApiResponse unknownUser = login("yume-test", "nobody", "wrong-password-3");
        ApiResponse unknownTenant = login("no-such-org", "admin", "wrong-password-4");
        for (ApiResponse r : List.of(wrongPassword, wrong, unknownUser, unknownTenant)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).isEqualTo(wrong.body());
        }
        assertThat(wrong.json().get("code").asText()).isEqualTo("invalid_credentials");
    }

    @Test
    void repeated_failures_on_one_account_are_refused_with_retry_after_even_with_the_right_password() {
        context.getBean(UserManagement.class).create(tenant.admin(), new UserManagement.NewUser("target", null, "staff", TestTenants.PASSWORD)).orThrow();
        for (int i = 0; i < 3; i++) {
            assertThat(login("yume-test", "target", "bad-password-" + i).status()).isEqualTo(401);
        }
        ApiResponse blocked = login("yume-test", "target", TestTenants.PASSWORD);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Long.parseLong(blocked.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(blocked.json().get("code").asText()).isEqualTo("too_many_attempts");
        assertThat(login("yume-test", "admin", TestTenants.PASSWORD).status()).as("other accounts unaffected").isEqualTo(200);
    }

    @Test
    void refresh_rotates_and_reusing_an_old_refresh_token_revokes_the_whole_family() {
        String first = login("yume-test", "admin", TestTenants.PASSWORD).json().get("refresh_token").asText();
        ApiResponse rotated = refresh(first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("refresh_token").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(api().get("/api/v1/people", rotated.json().get("access_token").asText()).status()).isEqualTo(200);

        ApiResponse reuse = refresh(first);
        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().get("code").asText()).isEqualTo("invalid_refresh_token");
        assertThat(refresh(second).status()).as("the family is revoked").isEqualTo(401);
    }

    @Test
    void logout_revokes_the_refresh_family() {
        String refreshToken = login("yume-test", "admin", TestTenants.PASSWORD).json().get("refresh_token").asText();
        assertThat(api().post("/api/v1/auth/logout", null, Map.of("refresh_token", refreshToken)).status()).isEqualTo(204);
        assertThat(refresh(refreshToken).status()).isEqualTo(401);
    }

    @Test
    void malformed_or_forged_refresh_tokens_are_refused() {
        String real = login("yume-test", "admin", TestTenants.PASSWORD).json().get("refresh_token").asText();
        String[] p = real.split("\\.");
        assertThat(refresh("garbage").status()).isEqualTo(401);
        assertThat(refresh(p[0] + "." + p[1] + ".forged-secret").status()).isEqualTo(401);
        assertThat(refresh("platform." + p[1] + "." + p[2]).status()).isEqualTo(401);
        assertThat(refresh(real).status()).as("the real one still works").isEqualTo(200);
    }

    @Test
    void platform_users_log_in_without_an_organisation_and_carry_no_tenant() throws Exception {
        context.getBean(PlatformAccounts.class).create("operator-x", "運用者", org.tomoni.platform.shared.Role.PLATFORM_OPERATOR,
            TestTenants.PASSWORD, "test");
        ApiResponse r = api().post("/api/v1/auth/login", null, Map.of("username", "operator-x", "password", TestTenants.PASSWORD));
        assertThat(r.status()).isEqualTo(200);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(r.json().get("access_token").asText().split("\\.")[1]));
        assertThat(claims.has("tenant_id")).isFalse();
        assertThat(claims.get("roles").get(0).asText()).isEqualTo("platform_operator");
        assertThat(refresh(r.json().get("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void tokens_that_are_expired_unsigned_hmac_signed_foreign_or_for_another_audience_are_refused() throws Exception {
        ECKey ours = ECKey.parse(Files.readString(Path.of(dataDir, JwtKeys.GENERATED_FILE)));
        ECKey foreign = new ECKeyGenerator(Curve.P_256).generate();
        Instant now = Instant.now();
        assertThat(status(signed(ours, claims(now, "tomoni-platform", "tomoni-api")))).as("control").isEqualTo(200);
        assertThat(status(signed(ours, claims(now.minus(2, ChronoUnit.HOURS), "tomoni-platform", "tomoni-api")))).as("expired").isEqualTo(401);
        assertThat(status(signed(ours, claims(now, "someone-else", "tomoni-api")))).as("issuer").isEqualTo(401);
        assertThat(status(signed(ours, claims(now, "tomoni-platform", "other-api")))).as("audience").isEqualTo(401);
        assertThat(status(signed(foreign, claims(now, "tomoni-platform", "tomoni-api")))).as("foreign key").isEqualTo(401);
        assertThat(status(new PlainJWT(claims(now, "tomoni-platform", "tomoni-api")).serialize())).as("alg none").isEqualTo(401);
        SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(now, "tomoni-platform", "tomoni-api"));
        hmac.sign(new MACSigner(new byte[32]));
        assertThat(status(hmac.serialize())).as("HS256").isEqualTo(401);
    }

    @Test
    void logins_and_failed_logins_are_audited_in_the_tenants_log() throws Exception {
        login("yume-test", "admin", "definitely-wrong");
        login("yume-test", "admin", TestTenants.PASSWORD);
        try (Connection c = ownerConnection(tenant.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select outcome, count(*) from audit_log where tenant_id = '" + tenant.id()
                 + "' and action = 'auth.login' group by outcome")) {
            Map<String, Long> counts = new java.util.HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
            assertThat(counts.get("success")).isPositive();
            assertThat(counts.get("failure")).isPositive();
        }
    }

    private String sessionId;

    /** A real session's id, so that only the property under test differs from an issued token. */
    private String sessionId() throws Exception {
        if (sessionId == null) {
            String access = login("yume-test", "admin", TestTenants.PASSWORD).json().get("access_token").asText();
            sessionId = JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1])).get("sid").asText();
        }
        return sessionId;
    }

    private JWTClaimsSet claims(Instant issued, String issuer, String audience) throws Exception {
        return new JWTClaimsSet.Builder().claim("sid", sessionId()).issuer(issuer).audience(audience).subject(tenant.admin().userId().toString())
            .issueTime(Date.from(issued)).notBeforeTime(Date.from(issued)).expirationTime(Date.from(issued.plusSeconds(600)))
            .claim("tenant_id", tenant.id().toString()).claim("tenant_slug", tenant.slug()).claim("roles", List.of("tenant_admin"))
            .build();
    }

    private static String signed(ECKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    private int status(String token) {
        return api().get("/api/v1/people", token).status();
    }

    private ApiResponse login(String tenantSlug, String username, String password) {
        return api().post("/api/v1/auth/login", null, Map.of("tenant", tenantSlug, "username", username, "password", password));
    }

    private ApiResponse refresh(String token) {
        return api().post("/api/v1/auth/refresh", null, Map.of("refresh_token", token));
    }
}
