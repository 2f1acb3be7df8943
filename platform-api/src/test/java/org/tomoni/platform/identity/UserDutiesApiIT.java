package org.tomoni.platform.identity;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tenant admin grants duties (GET/PUT /api/v1/users/{id}/duties); a duty of the owning module
 * lets a staff user see sensitive people, each read audited; the duties of one tenant's users are
 * out of reach of another tenant's admin.
 */
@MicronautTest(transactional = false)
class UserDutiesApiIT extends PlatformTest {
    TestTenant fund;
    TestTenant other;
    String caseworker;
    String caseworkerId;

    @BeforeAll
    void twoTenants() {
        fund = tenants().create("duty-fund", "children_fund");
        other = tenants().create("duty-other", "other");
        caseworkerId = newUser(fund, "caseworker", Role.STAFF);
        caseworker = api().login("duty-fund", "caseworker", TestTenants.PASSWORD);
    }

    private String newUser(TestTenant t, String username, Role role) {
        ApiResponse created = api().post("/api/v1/users", t.adminToken(), Map.of("username", username, "role", role.code(),
            "password", TestTenants.PASSWORD));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("user").get("id").asText();
        // The admin's password is temporary: the user chooses their own before working.
        TestTenants.ownPassword(context, t, java.util.UUID.fromString(id), role);
        return id;
    }

    private ApiResponse setDuties(TestTenant t, String token, String userId, List<String> duties) {
        return api().put("/api/v1/users/" + userId + "/duties", token, Map.of("duties", duties), Map.of());
    }

    private String sensitivePerson(TestTenant t, String given, String familyKana) {
        ApiResponse created = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", "支援", "givenName", given,
            "familyNameKana", familyKana, "givenNameKana", "コ", "sensitive", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** The audit rows of the caseworker's sensitive reads of the person (time and client address, for a failure's message). */
    private java.util.List<String> sensitiveReads(String personId) throws Exception {
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (var c = ownerConnection(fund.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select occurred_at, actor_name, outcome from audit_log where action = 'person.read_sensitive'"
                 + " and target_id = '" + personId + "' and actor_id = '" + caseworkerId + "'")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    @Test
    void a_tenant_admin_sets_and_reads_a_users_duties() {
        String id = newUser(fund, "grantee", Role.STAFF);
        assertThat(api().get("/api/v1/users/" + id + "/duties", fund.adminToken()).json().get("duties")).isEmpty();
        ApiResponse put = setDuties(fund, fund.adminToken(), id, List.of("childfund.casework"));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.json().get("duties").get(0).asText()).isEqualTo("childfund.casework");
        assertThat(api().get("/api/v1/users/" + id + "/duties", fund.adminToken()).json().get("duties").get(0).asText())
            .isEqualTo("childfund.casework");
        assertThat(setDuties(fund, fund.adminToken(), id, List.of()).json().get("duties")).isEmpty();
    }

    @Test
    void an_unknown_duty_is_refused_naming_it_and_nothing_changes() {
        String id = newUser(fund, "unknown-duty", Role.STAFF);
        setDuties(fund, fund.adminToken(), id, List.of("childfund.casework"));
        ApiResponse bad = setDuties(fund, fund.adminToken(), id, List.of("childfund.casework", "grants.wizardry"));
        assertThat(bad.status()).isEqualTo(400);
        JsonNode error = bad.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo("duties[1]");
        assertThat(error.get("code").asText()).isEqualTo("unknown_duty");
        assertThat(error.get("message").asText()).contains("grants.wizardry");
        assertThat(api().get("/api/v1/users/" + id + "/duties", fund.adminToken()).json().get("duties").get(0).asText())
            .isEqualTo("childfund.casework");
    }

    @Test
    void a_duty_of_a_module_the_tenant_has_not_enabled_is_refused() {
        String id = newUser(other, "no-fund", Role.STAFF);
        ApiResponse bad = setDuties(other, other.adminToken(), id, List.of("childfund.casework"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("code").asText()).isEqualTo("module_not_enabled");
        assertThat(bad.json().get("errors").get(0).get("message").asText()).contains("childfund.casework");
    }

    @Test
    void only_a_tenant_admin_reads_or_sets_duties() {
        String staff = api().login("duty-fund", "caseworker", TestTenants.PASSWORD);
        assertThat(api().get("/api/v1/users/" + caseworkerId + "/duties", staff).status()).isEqualTo(403);
        assertThat(setDuties(fund, staff, caseworkerId, List.of("childfund.casework")).status()).isEqualTo(403);
    }

    @Test
    void another_tenants_admin_can_neither_read_nor_set_the_duties_of_this_tenants_user() throws Exception {
        setDuties(fund, fund.adminToken(), caseworkerId, List.of("childfund.casework"));
        assertThat(api().get("/api/v1/users/" + caseworkerId + "/duties", other.adminToken()).status()).isEqualTo(404);
        assertThat(setDuties(other, other.adminToken(), caseworkerId, List.of()).status()).isEqualTo(404);
        try (var c = ownerConnection(fund.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from user_duties where user_id = '" + caseworkerId + "'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("still the fund's duty").isEqualTo(1);
        }
        try (var c = ownerConnection(other.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from user_duties")) {
            rs.next();
            assertThat(rs.getLong(1)).as("the other tenant sees no duty row under RLS").isZero();
        }
    }

    @Test
    void a_staff_user_with_the_funds_casework_sees_a_sensitive_person_and_the_read_is_audited_without_it_not() throws Exception {
        String child = sensitivePerson(fund, "一", "シエンイチ");
        setDuties(fund, fund.adminToken(), caseworkerId, List.of());
        assertThat(api().get("/api/v1/people/" + child, caseworker).status()).isEqualTo(404);
        assertThat(api().get("/api/v1/people?q=" + java.net.URLEncoder.encode("シエンイチ", java.nio.charset.StandardCharsets.UTF_8), caseworker).json().get("total").asLong()).isZero();
        assertThat(sensitiveReads(child)).isEmpty();

        setDuties(fund, fund.adminToken(), caseworkerId, List.of("childfund.casework"));
        ApiResponse read = api().get("/api/v1/people/" + child, caseworker);
        assertThat(read.status()).as("the duty counts at once on this node").isEqualTo(200);
        assertThat(read.json().get("sensitive").asBoolean()).isTrue();
        assertThat(api().get("/api/v1/people?q=" + java.net.URLEncoder.encode("シエンイチ", java.nio.charset.StandardCharsets.UTF_8), caseworker).json().get("total").asLong()).isEqualTo(1);
        assertThat(sensitiveReads(child)).hasSize(1);

        setDuties(fund, fund.adminToken(), caseworkerId, List.of());
        assertThat(api().get("/api/v1/people/" + child, caseworker).status()).isEqualTo(404);
    }

    @Test
    void a_duty_taken_away_by_another_node_stops_counting_here_within_five_seconds() throws Exception {
        String child = sensitivePerson(fund, "二", "シエンニ");
        String id = newUser(fund, "elsewhere", Role.STAFF);
        String token = api().login("duty-fund", "elsewhere", TestTenants.PASSWORD);
        setDuties(fund, fund.adminToken(), id, List.of("childfund.casework"));
        assertThat(api().get("/api/v1/people/" + child, token).status()).as("cached as held on this node").isEqualTo(200);
        try (var c = ownerConnection(fund.id()); var st = c.createStatement()) {
            st.executeUpdate("delete from user_duties where user_id = '" + id + "'");
        }
        Instant start = Instant.now();
        while (true) {
            Instant sent = Instant.now();
            int status = api().get("/api/v1/people/" + child, token).status();
            if (status == 404) {
                return;
            }
            assertThat(Duration.between(start, sent)).as("still %s after 5 s", status).isLessThan(Duration.ofSeconds(5));
            Thread.sleep(100);
        }
    }
}
