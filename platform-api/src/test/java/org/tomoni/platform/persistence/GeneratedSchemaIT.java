package org.tomoni.platform.persistence;

import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.bootstrap.DatabaseLogins;
import org.tomoni.platform.schema.DefaultSchema;
import org.tomoni.platform.testing.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated jOOQ classes describe exactly the schema the migrations build: every table and
 * column with its type. Fails if the classes are stale (a migration changed and the generation
 * was skipped) or if a table is hidden from them.
 */
class GeneratedSchemaIT {

    @Test
    void the_generated_classes_match_every_table_and_column_of_the_migrated_database() throws Exception {
        DatabaseLogins db = TestDatabase.get().newDatabase();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword())) {
            var live = DSL.using(c).meta().getSchemas("tomoni").get(0).getTables().stream()
                .filter(t -> !t.getName().equals("flyway_schema_history"))
                .collect(Collectors.toMap(Table::getName, GeneratedSchemaIT::columns, (a, b) -> a, TreeMap::new));
            var generated = DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .collect(Collectors.toMap(Table::getName, GeneratedSchemaIT::columns, (a, b) -> a, TreeMap::new));
            assertThat(live).isNotEmpty().containsKeys("people", "charges", "tenants");
            assertThat(generated).isEqualTo(live);
        }
    }

    private static Map<String, String> columns(Table<?> table) {
        Map<String, String> columns = new TreeMap<>();
        for (Field<?> f : table.fields()) {
            columns.put(f.getName(), f.getDataType().getTypeName() + (f.getDataType().nullable() ? "" : " not null"));
        }
        return columns;
    }
}
