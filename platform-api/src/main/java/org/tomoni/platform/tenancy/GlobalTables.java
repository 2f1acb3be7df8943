package org.tomoni.platform.tenancy;

import java.util.Set;

/**
 * The allow-list of platform-level tables: they carry no tenant_id and no RLS. Every other
 * table must be tenant-owned with forced RLS; the catalog test holds the schema to this list.
 */
public final class GlobalTables {
    public static final Set<String> NAMES = Set.of(
        "flyway_schema_history",
        "tenants",
        "tenant_kinds",
        "platform_users",
        "platform_refresh_tokens",
        "platform_audit_log",
        "platform_audit_log_entries",
        "scheduled_tasks");

    private GlobalTables() {
    }
}
