package org.tomoni.platform.tenancy;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.PlatformTest;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration that gives each kind its modules, run again over tenants made by an earlier
 * build: a tenant still on its kind's former defaults gets the new ones; a tenant whose modules
 * were chosen at onboarding keeps its choice.
 */
@MicronautTest(transactional = false)
class ModulesByKindMigrationIT extends PlatformTest {
    private static final String MIGRATION = "db/migration/V20261203_1100__tenancy_modules_by_kind.sql";

    @Test
    void tenants_on_their_kinds_former_defaults_get_the_new_modules_and_chosen_ones_are_kept() throws Exception {
        UUID center = UUID.randomUUID();
        UUID chosen = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (Connection c = ownerConnection(); var st = c.createStatement()) {
            insert(st, center, "old-center", "consultation_center", "[\"members\", \"consultations\", \"partners\", \"events\"]");
            insert(st, chosen, "old-chosen", "grant_fund", "[\"grants\", \"members\"]");
            insert(st, other, "old-other", "other", "[\"members\"]");
            String sql;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(MIGRATION)) {
                assertThat(in).as(MIGRATION).isNotNull();
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            st.execute(sql);
            assertThat(modules(st, center)).isEqualTo("[\"consultations\", \"events\", \"giving\", \"grants\", \"members\", \"partners\"]");
            assertThat(modules(st, chosen)).isEqualTo("[\"grants\", \"members\"]");
            assertThat(modules(st, other)).isEqualTo("[\"events\", \"giving\", \"grants\", \"members\", \"partners\"]");
        }
    }

    private static void insert(java.sql.Statement st, UUID id, String slug, String kind, String modules) throws Exception {
        st.executeUpdate("insert into tenants (id, slug, name_ja, name_en, kind, settings, created_at, created_by, updated_at, updated_by)"
            + " values ('" + id + "', '" + slug + "', '旧', 'Old', '" + kind + "', '{\"fiscalYearStartMonth\": 4, \"enabledModules\": "
            + modules + ", \"vocabulary\": {}}', now(), 'test', now(), 'test')");
    }

    private static String modules(java.sql.Statement st, UUID id) throws Exception {
        try (var r = st.executeQuery("select settings -> 'enabledModules' from tenants where id = '" + id + "'")) {
            r.next();
            return r.getString(1);
        }
    }
}
