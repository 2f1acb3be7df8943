package org.tomoni.platform.tenancy;

import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.schema.DefaultSchema;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The allow-list of global tables cannot drift from the schema: it is checked against the jOOQ
 * classes generated from the migrations (SchemaCatalogIT checks the migrated database as well).
 */
class GlobalTablesTest {
    /** Flyway's own table, which the generated schema leaves out. */
    private static final String FLYWAY = "flyway_schema_history";

    @Test
    void every_table_without_tenant_id_is_on_the_allow_list_and_every_listed_one_exists_without_it() {
        Set<String> withoutTenant = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().filter(t -> t.field("tenant_id") == null)
            .map(Table::getName).collect(Collectors.toSet());
        Set<String> listed = new HashSet<>(GlobalTables.NAMES);
        listed.remove(FLYWAY);
        assertThat(listed).as("GlobalTables.NAMES (without Flyway's table) = the generated tables that have no tenant_id")
            .isEqualTo(withoutTenant);
    }

    @Test
    void no_tenant_owned_table_is_on_the_allow_list() {
        Set<String> tenantOwned = DefaultSchema.DEFAULT_SCHEMA.getTables().stream().filter(t -> t.field("tenant_id") != null)
            .map(Table::getName).collect(Collectors.toSet());
        assertThat(tenantOwned).isNotEmpty().doesNotContainAnyElementsOf(GlobalTables.NAMES);
    }
}
