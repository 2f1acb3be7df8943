package org.tomoni.platform.persistence;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.tomoni.platform.shared.Actor;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

/**
 * One tenant's transaction as a repository sees it (Kill Bill's internal call context): the DSL
 * bound to the transaction whose first statement set the tenant for Row Level Security, the actor
 * and the clock. Every insert through it carries the tenant id, every update names it, and both
 * stamp the audit columns: the database refuses the rest (RLS), the scope makes it impossible to forget.
 */
public final class TenantScope extends Scope {
    private final UUID tenantId;
    private final Actor actor;

    TenantScope(DSLContext dsl, UUID tenantId, Actor actor, Clock clock) {
        super(dsl, actor == null ? "system" : actor.auditName(), clock);
        this.tenantId = tenantId;
        this.actor = actor;
    }

    /** Creates the scope of a transaction already bound to {@code tenantId}; for {@code TenantTransactions} only. */
    public static TenantScope bound(DSLContext dsl, UUID tenantId, Actor actor, Clock clock) {
        return new TenantScope(dsl, tenantId, actor, clock);
    }

    public UUID tenantId() {
        return tenantId;
    }

    /** Who acts; audit entries and policies need more than the name. */
    public Actor actor() {
        return actor;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Condition owns(Table<?> table) {
        return ((Field<UUID>) required(table, "tenant_id")).eq(tenantId);
    }

    @Override
    Map<Field<?>, Object> ownerColumns(Table<?> table) {
        return Map.of(required(table, "tenant_id"), tenantId);
    }
}
