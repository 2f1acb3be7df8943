package org.tomoni.platform.persistence;

import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.tenancy.TenantTransactions;
import org.tomoni.platform.testing.MutableClock;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tomoni.platform.schema.Tables.BRANCHES;
import static org.tomoni.platform.schema.Tables.TENANT_KINDS;

/**
 * The scope is the one place that stamps: an insert carries the tenant and who/when, an update
 * re-stamps, bumps the version and names the tenant, an optimistic update at a stale version
 * changes nothing, and a platform scope refuses tenant-owned tables.
 */
@MicronautTest(transactional = false)
class ScopeIT extends PlatformTest {
    TestTenant a;
    TestTenant b;
    TenantTransactions tx;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T00:00:00Z"));

    @MockBean(Clock.class)
    Clock clock() {
        return clock;
    }

    @BeforeAll
    void twoTenants() {
        a = tenants().create("scope-a");
        b = tenants().create("scope-b");
        tx = context.getBean(TenantTransactions.class);
    }

    @Test
    void an_insert_is_stamped_with_the_tenant_the_actor_and_the_clock_and_an_update_restamps_and_bumps_the_version() {
        UUID id = Ids.newId();
        var created = tx.write(a.admin(), scope -> {
            scope.insertInto(BRANCHES).set(BRANCHES.ID, id).set(BRANCHES.NAME, "東支部").execute();
            return scope.dsl().selectFrom(BRANCHES).where(scope.owns(BRANCHES), BRANCHES.ID.eq(id)).fetchOne();
        });
        assertThat(created.getTenantId()).isEqualTo(a.id());
        assertThat(created.getCreatedBy()).isEqualTo(a.admin().auditName()).isEqualTo(created.getUpdatedBy());
        assertThat(created.getVersion()).isZero();

        clock.advance(Duration.ofMinutes(5));
        var updated = tx.write(a.admin(), scope -> {
            assertThat(scope.update(BRANCHES).set(BRANCHES.NAME, "西支部").whereVersion(0, BRANCHES.ID.eq(id))).isEqualTo(1);
            assertThat(scope.update(BRANCHES).set(BRANCHES.NAME, "南支部").whereVersion(0, BRANCHES.ID.eq(id)))
                .as("a stale version changes nothing").isZero();
            return scope.dsl().selectFrom(BRANCHES).where(scope.owns(BRANCHES), BRANCHES.ID.eq(id)).fetchOne();
        });
        assertThat(updated.getName()).isEqualTo("西支部");
        assertThat(updated.getVersion()).isEqualTo(1);
        assertThat(updated.getUpdatedAt()).isAfter(created.getUpdatedAt());
        assertThat(updated.getCreatedAt()).isEqualTo(created.getCreatedAt());
    }

    @Test
    void an_update_through_another_tenants_scope_changes_nothing() {
        UUID id = Ids.newId();
        tx.write(a.admin(), scope -> scope.insertInto(BRANCHES).set(BRANCHES.ID, id).set(BRANCHES.NAME, "北支部").execute());
        int changed = tx.write(b.admin(), scope -> scope.update(BRANCHES).set(BRANCHES.NAME, "奪取").where(BRANCHES.ID.eq(id)));
        assertThat(changed).isZero();
        String name = tx.read(a.admin(), scope -> scope.dsl().select(BRANCHES.NAME).from(BRANCHES).where(scope.owns(BRANCHES),
            BRANCHES.ID.eq(id)).fetchOne(BRANCHES.NAME));
        assertThat(name).isEqualTo("北支部");
    }

    @Test
    void a_set_based_insert_gets_the_same_stamps_in_the_same_order() {
        var columns = tx.read(a.admin(), scope -> scope.stampColumns(BRANCHES).stream().map(f -> f.getName()).toList());
        assertThat(columns).containsExactly("created_at", "created_by", "updated_at", "updated_by");
        var values = tx.read(a.admin(), scope -> scope.stampValues(BRANCHES).stream()
            .map(f -> String.valueOf(((org.jooq.Param<?>) f).getValue())).toList());
        assertThat(values.get(1)).isEqualTo(a.admin().auditName());
        assertThat(values.get(3)).isEqualTo(a.admin().auditName());
    }

    @Test
    void a_platform_scope_refuses_a_tenant_owned_table_and_stamps_a_global_one() {
        assertThatThrownBy(() -> tx.platform("operator", scope -> scope.update(BRANCHES).set(BRANCHES.NAME, "x").where()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant-owned");
        java.util.List<org.jooq.Field<?>> stamped = tx.platform("operator", scope -> scope.stampColumns(TENANT_KINDS));
        assertThat(stamped).hasSize(4);
    }
}
