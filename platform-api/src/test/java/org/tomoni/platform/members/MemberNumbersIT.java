package org.tomoni.platform.members;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tomoni.platform.members.PartiesApiIT.idOf;

/** Member numbers are unique across a tenant's people and organisations, held by the database under concurrent creates. */
@MicronautTest(transactional = false)
class MemberNumbersIT extends PlatformTest {
    TestTenant t;
    String personType;
    String organizationType;

    @Override
    protected int poolSize() {
        return 12;
    }

    @BeforeAll
    void feeSchedule() {
        t = tenants().create("numbers", "membership_organization");
        personType = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "正会員", "feeYen", 1000, "period", "yearly",
            "perUnit", false, "memberKind", "person")));
        organizationType = idOf(api().post("/api/v1/membership-types", t.adminToken(), Map.of("name", "団体会員", "feeYen", 10000,
            "period", "yearly", "perUnit", true, "memberKind", "organization")));
    }

    @Test
    void a_number_given_to_a_person_is_refused_for_an_organisation_with_a_conflict_naming_the_field() {
        idOf(api().post("/api/v1/people", t.adminToken(), person("番号", 9001L)));
        ApiResponse clash = api().post("/api/v1/organizations", t.adminToken(), organization("番号の会", 9001L));
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.contentType()).startsWith("application/problem+json");
        assertThat(clash.json().get("errors").get(0).get("field").asText()).isEqualTo("memberNumber");
        assertThat(clash.json().get("errors").get(0).get("code").asText()).isEqualTo("taken");
    }

    @Test
    void concurrent_creates_of_people_and_organisations_with_given_and_drawn_numbers_never_share_one_and_never_fail_with_500()
        throws Exception {
        int n = 8;
        List<String> people = new ArrayList<>();
        List<String> organizations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            people.add(idOf(api().post("/api/v1/people", t.adminToken(), person("引番" + i, null))));
            organizations.add(idOf(api().post("/api/v1/organizations", t.adminToken(), organization("引番の会" + i, null))));
        }
        List<Supplier<ApiResponse>> calls = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
            long number = k;
            // The counter draws 1, 2, 3… for the memberships, so every given number here races a drawn one too.
            calls.add(() -> api().post("/api/v1/people", t.adminToken(), person("指定", number)));
            calls.add(() -> api().post("/api/v1/people", t.adminToken(), person("重複", number)));
            calls.add(() -> api().post("/api/v1/organizations", t.adminToken(), organization("指定の会", number)));
        }
        for (int i = 0; i < n; i++) {
            String person = people.get(i);
            String org = organizations.get(i);
            calls.add(() -> api().post("/api/v1/memberships", t.adminToken(), Map.of("personId", person, "typeId", personType)));
            calls.add(() -> api().post("/api/v1/memberships", t.adminToken(), Map.of("organizationId", org, "typeId", organizationType)));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        List<ApiResponse> answers = new ArrayList<>();
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Supplier<ApiResponse> call : calls) {
                futures.add(pool.submit((Callable<ApiResponse>) () -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            for (Future<ApiResponse> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        for (ApiResponse a : answers) {
            assertThat(a.status()).as(a.toString()).isIn(201, 409);
            if (a.status() == 409) {
                assertThat(a.json().get("errors").get(0).get("field").asText()).isEqualTo("memberNumber");
            }
        }
        assertThat(answers.stream().skip(3L * n).map(ApiResponse::status)).as("every membership draws a number").containsOnly(201);

        Map<Long, Integer> owners = new HashMap<>();
        try (var c = ownerConnection(t.id()); var s = c.createStatement();
             ResultSet rs = s.executeQuery("select member_number from people where member_number is not null union all "
                 + "select member_number from organizations where member_number is not null")) {
            while (rs.next()) {
                owners.merge(rs.getLong(1), 1, Integer::sum);
            }
        }
        assertThat(owners.values()).as("no number held twice: " + owners).containsOnly(1);
        assertThat(owners).as("every membership's party got a number").hasSizeGreaterThanOrEqualTo(2 * n);
        for (int i = 0; i < n; i++) {
            assertThat(api().get("/api/v1/people/" + people.get(i), t.adminToken()).json().get("memberNumber").isNull()).isFalse();
            assertThat(api().get("/api/v1/organizations/" + organizations.get(i), t.adminToken()).json().get("memberNumber").isNull()).isFalse();
        }
    }

    private static Map<String, Object> person(String given, Long number) {
        Map<String, Object> p = new HashMap<>(Map.of("familyName", "会員", "givenName", given, "familyNameKana", "カイイン", "givenNameKana", "バンゴウ"));
        if (number != null) {
            p.put("memberNumber", String.valueOf(number));
        }
        return p;
    }

    private static Map<String, Object> organization(String name, Long number) {
        Map<String, Object> o = new HashMap<>(Map.of("name", name, "nameKana", "カイインノカイ", "kind", "npo"));
        if (number != null) {
            o.put("memberNumber", String.valueOf(number));
        }
        return o;
    }
}
