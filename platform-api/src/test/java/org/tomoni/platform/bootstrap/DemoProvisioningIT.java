package org.tomoni.platform.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.testing.PlatformTest;

import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each demo tenant is provisioned whole or not at all, so a restart after a crash ends with every tenant complete. */
@MicronautTest(transactional = false)
class DemoProvisioningIT extends PlatformTest {
    private static final String PASSWORD = "demo-password-123";

    @Test
    void a_crash_mid_way_through_a_tenant_leaves_nothing_of_it_and_the_re_run_completes_every_tenant() throws Exception {
        DemoProvisioning demo = context.getBean(DemoProvisioning.class);
        TenantRegistry registry = context.getBean(TenantRegistry.class);
        String first = DemoData.TENANTS.get(0).slug();
        String victim = DemoData.TENANTS.get(1).slug();
        demo.afterEachStep((slug, step) -> {
            if (slug.equals(victim) && step.equals("parties")) {
                throw new IllegalStateException("simulated crash after " + step + " of " + slug);
            }
        });
        try {
            assertThatThrownBy(() -> demo.provisionIfWanted(true, PASSWORD)).hasMessageContaining("simulated crash");
        } finally {
            demo.afterEachStep(null);
        }
        assertThat(registry.findBySlug(first)).as("the tenant before the crash is complete").isPresent();
        complete(registry.findBySlug(first).orElseThrow(), DemoData.TENANTS.get(0));
        assertThat(registry.findBySlug(victim)).as("nothing of the tenant that crashed is left half-made").isEmpty();

        List<String> created = demo.provisionIfWanted(true, PASSWORD);
        assertThat(created).doesNotContain(first).contains(victim);
        for (DemoData.DemoTenant t : DemoData.TENANTS) {
            complete(registry.findBySlug(t.slug()).orElseThrow(), t);
        }
        assertThat(demo.provisionIfWanted(true, PASSWORD)).as("a further run finds nothing missing").isEmpty();
    }

    private void complete(Tenant tenant, DemoData.DemoTenant seed) throws Exception {
        UUID id = tenant.id();
        assertThat(count(id, "select count(*) from users where username = 'admin'")).as(seed.slug() + " admin").isEqualTo(1);
        assertThat(count(id, "select count(*) from people")).as(seed.slug() + " people: hand-written and generated").isEqualTo(seed.peopleCount());
        assertThat(count(id, "select count(*) from organizations")).as(seed.slug() + " organisations").isPositive();
        if (List.of("inclu-fund", "yume-fund").contains(seed.slug())) {
            assertThat(count(id, "select count(*) from gift_plans")).as(seed.slug() + " gift plans").isEqualTo(2);
        }
    }

    private long count(UUID tenantId, String sql) throws Exception {
        try (var c = ownerConnection(tenantId); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
