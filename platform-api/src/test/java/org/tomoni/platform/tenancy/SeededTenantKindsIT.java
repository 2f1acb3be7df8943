package org.tomoni.platform.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.onboarding.TenantKinds;
import org.tomoni.platform.testing.PlatformTest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The kinds the former TenantKind enum knew are seeded data with exactly the modules it gave, so
 * tenants of those kinds keep working; the table holds every tenant to a known kind.
 */
@MicronautTest(transactional = false)
class SeededTenantKindsIT extends PlatformTest {

    @Test
    void every_kind_has_members_giving_events_partners_and_grants_and_only_its_own_kind_of_work() {
        TenantKinds kinds = context.getBean(TenantKinds.class);
        List<String> everyone = List.of("events", "giving", "grants", "members", "partners");
        Map<String, TenantKindView> seeded = List.of("children_fund", "consultation_center", "hub_network", "grant_fund",
            "membership_organization", "other").stream().collect(Collectors.toMap(c -> c, c -> kinds.find(c).orElseThrow()));
        seeded.forEach((code, kind) -> {
            assertThat(kind.modules()).as(code).containsAll(everyone);
            assertThat(kind.fiscalYearStartMonth()).as(code).isEqualTo(4);
        });
        assertThat(seeded.get("children_fund").modules()).contains("childfund").doesNotContain("consultations");
        assertThat(seeded.get("consultation_center").modules()).contains("consultations").doesNotContain("childfund");
        for (String code : List.of("hub_network", "grant_fund", "membership_organization", "other")) {
            assertThat(seeded.get(code).modules()).as(code).containsExactlyInAnyOrderElementsOf(everyone);
        }
        assertThat(TenantSettings.defaultsFor(seeded.get("other")).enables(Module.GIVING)).isTrue();
        assertThat(TenantSettings.defaultsFor(seeded.get("children_fund")).enables(Module.CHILDFUND)).isTrue();
        assertThat(TenantSettings.defaultsFor(seeded.get("other")).enables(Module.CHILDFUND)).isFalse();
    }

    @Test
    void a_tenant_cannot_be_of_an_unknown_kind_and_the_runtime_role_cannot_delete_a_kind() throws SQLException {
        try (Connection c = ownerConnection(); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("insert into tenants (id, slug, name_ja, name_en, kind, created_at, created_by, updated_at,"
                + " updated_by) values ('00000000-0000-7000-8000-0000000000aa', 'no-kind', 'x', 'x', 'bank', now(), 't', now(), 't')"))
                .hasMessageContaining("tenants_kind_fkey");
        }
        try (Connection c = appConnection(); var st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("delete from tenant_kinds where code = 'other'")).isInstanceOf(SQLException.class);
        }
        assertThat(context.getBean(TenantKinds.class).find("other")).isPresent();
    }
}
