package org.tomoni.platform.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;
import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;

import java.sql.Connection;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The one way to touch the database. A tenant's work runs in a transaction whose first
 * statement binds the tenant for Row Level Security ({@code set_config(..., true)}: local to the
 * transaction, so a pooled connection never carries it to the next borrower). Platform work
 * binds no tenant and therefore sees no tenant-owned row.
 */
@Singleton
public class TenantTransactions {
    private static final ThreadLocal<UUID> BOUND = new ThreadLocal<>();

    private final TransactionOperations<Connection> transactions;
    private final Configuration jooq;
    private final Clock clock;

    TenantTransactions(TransactionOperations<Connection> transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
        this.jooq = new DefaultConfiguration()
            .set(SQLDialect.POSTGRES)
            .set(new Settings().withExecuteLogging(false).withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));
    }

    /**
     * Read-write work of the actor's tenant, through its repositories. A rejected {@link Outcome}
     * rolls the transaction back.
     */
    public <T> T write(Actor actor, Function<TenantScope, T> work) {
        UUID tenantId = Objects.requireNonNull(actor.tenantId(), "the actor has no tenant");
        return run(tenantId, false, dsl -> work.apply(TenantScope.bound(dsl, tenantId, actor, clock)));
    }

    /** Read-only work of the actor's tenant. */
    public <T> T read(Actor actor, Function<TenantScope, T> work) {
        UUID tenantId = Objects.requireNonNull(actor.tenantId(), "the actor has no tenant");
        return run(tenantId, true, dsl -> work.apply(TenantScope.bound(dsl, tenantId, actor, clock)));
    }

    /** Work on global tables only; {@code by} is what their audit columns record. */
    public <T> T platform(String by, Function<PlatformScope, T> work) {
        return run(null, false, dsl -> work.apply(PlatformScope.unbound(dsl, by, clock)));
    }

    /*
     * The bare transactions under the scopes, for this package's tests of the binding itself only: everything else
     * works through a TenantScope or PlatformScope, so no write can skip the stamping.
     */
    <T> T write(UUID tenantId, Function<DSLContext, T> work) {
        return run(Objects.requireNonNull(tenantId, "tenantId"), false, work);
    }

    <T> T read(UUID tenantId, Function<DSLContext, T> work) {
        return run(Objects.requireNonNull(tenantId, "tenantId"), true, work);
    }

    <T> T platform(Function<DSLContext, T> work) {
        return run(null, false, work);
    }

    /**
     * Runs {@code action} once the current transaction has committed (never on rollback); outside a
     * transaction, at once. For work that must follow a commit, such as waking the outbox's sender.
     */
    public void afterCommit(Runnable action) {
        var status = transactions.findTransactionStatus();
        if (status.isEmpty()) {
            action.run();
            return;
        }
        status.get().registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private <T> T run(UUID tenantId, boolean readOnly, Function<DSLContext, T> work) {
        UUID outer = BOUND.get();
        if (outer != null) {
            if (tenantId != null && !outer.equals(tenantId)) {
                throw new IllegalStateException("a transaction of one tenant cannot do work of another");
            }
            tenantId = outer;
        }
        UUID bound = tenantId;
        TransactionDefinition definition = readOnly ? TransactionDefinition.READ_ONLY : TransactionDefinition.DEFAULT;
        return transactions.execute(definition, status -> {
            DSLContext dsl = DSL.using(jooq.derive(status.getConnection()));
            if (outer == null && bound != null) {
                dsl.execute("select set_config('app.tenant_id', ?, true)", bound.toString());
            }
            BOUND.set(bound);
            try {
                T result = work.apply(dsl);
                if (result instanceof Outcome.Rejected<?>) {
                    status.setRollbackOnly();
                }
                return result;
            } finally {
                if (outer == null) {
                    BOUND.remove();
                }
            }
        });
    }
}
