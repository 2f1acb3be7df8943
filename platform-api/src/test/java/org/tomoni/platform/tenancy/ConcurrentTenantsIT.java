package org.tomoni.platform.tenancy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests of two tenants interleave on a pool of two connections and never see each other's rows. */
@MicronautTest(transactional = false)
class ConcurrentTenantsIT extends PlatformTest {

    @Override
    protected int poolSize() {
        return 2;
    }

    @Test
    void concurrent_requests_of_two_tenants_on_a_small_pool_never_see_each_others_rows() throws Exception {
        TestTenant a = tenants().create("tenant-a");
        TestTenant b = tenants().create("tenant-b");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Set<String>>> work = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                work.add(pool.submit(() -> createAndList(a, "A")));
                work.add(pool.submit(() -> createAndList(b, "B")));
            }
            Set<String> seen = new HashSet<>();
            for (Future<Set<String>> f : work) {
                seen.addAll(f.get());
            }
            assertThat(seen).containsExactlyInAnyOrder("A", "B");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Creates people named after the tenant and lists; returns every family name it saw. */
    private Set<String> createAndList(TestTenant t, String family) {
        Set<String> families = new HashSet<>();
        for (int i = 0; i < 15; i++) {
            ApiResponse created = api().post("/api/v1/people", t.adminToken(), Map.of("familyName", family, "givenName", "x" + i,
                "familyNameKana", "エー", "givenNameKana", "エックス"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ApiResponse list = api().get("/api/v1/people?size=100", t.adminToken());
            assertThat(list.status()).isEqualTo(200);
            for (JsonNode p : list.json().get("items")) {
                families.add(p.get("familyName").asText());
            }
            assertThat(families).as("tenant %s sees only its own", t.slug()).containsOnly(family);
        }
        return families;
    }
}
