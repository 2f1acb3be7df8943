package org.tomoni.platform.persistence;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.tomoni.platform.schema.Tables.AUDIT_LOG;
import static org.tomoni.platform.schema.Tables.PLATFORM_AUDIT_LOG;

/**
 * The append-only audit trail, written in the caller's transaction. Entries of a tenant go to
 * its RLS-guarded log; platform-level ones (platform users, unknown tenants) to the platform log.
 * An entry names the record, never its content.
 */
@Singleton
public class AuditTrail {
    /** How an audited attempt ended. */
    public enum Result { SUCCESS, FAILURE, DENIED }

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
    }

    /** An entry of the scope's actor, in the scope's transaction. */
    public void record(Scope scope, String action, String targetType, Object targetId, Result result) {
        Actor actor = scope instanceof TenantScope t ? t.actor() : null;
        if (actor == null) {
            write(scope.dsl(), null, null, scope.by(), action, targetType, targetId, result, null);
        } else {
            record(scope.dsl(), actor, action, targetType, targetId, result);
        }
    }

    /**
     * An entry of {@code actor} in the scope's transaction; for a platform user's work, whose
     * {@link PlatformScope} knows only the name, so that the entry keeps the user's id and address.
     */
    public void record(Scope scope, Actor actor, String action, String targetType, Object targetId, Result result) {
        record(scope.dsl(), actor, action, targetType, targetId, result);
    }

    /** An entry for someone not (yet) authenticated, in the scope's log: its tenant's, or the platform's. */
    public void recordAnonymous(Scope scope, String claimedName, String action, Result result, String clientAddress) {
        UUID tenantId = scope instanceof TenantScope t ? t.tenantId() : null;
        write(scope.dsl(), tenantId, null, claimedName, action, null, null, result, clientAddress);
    }

    public void record(DSLContext dsl, Actor actor, String action, String targetType, Object targetId, Result result) {
        write(dsl, actor.tenantId(), actor.userId(), actor.auditName(), action, targetType, targetId, result, actor.clientAddress());
    }

    /** An entry for someone not (yet) authenticated, e.g. a failed login; tenantId null → platform log. */
    public void recordAnonymous(DSLContext dsl, UUID tenantId, String claimedName, String action, Result result, String clientAddress) {
        write(dsl, tenantId, null, claimedName, action, null, null, result, clientAddress);
    }

    private void write(DSLContext dsl, UUID tenantId, UUID actorId, String actorName, String action, String targetType,
                       Object targetId, Result result, String clientAddress) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        String name = actorName == null ? "" : truncate(actorName);
        String target = targetId == null ? null : targetId.toString();
        String outcome = result.name().toLowerCase();
        if (tenantId == null) {
            dsl.insertInto(PLATFORM_AUDIT_LOG).set(PLATFORM_AUDIT_LOG.ID, Ids.newId()).set(PLATFORM_AUDIT_LOG.OCCURRED_AT, now)
                .set(PLATFORM_AUDIT_LOG.ACTOR_ID, actorId).set(PLATFORM_AUDIT_LOG.ACTOR_NAME, name).set(PLATFORM_AUDIT_LOG.ACTION, action)
                .set(PLATFORM_AUDIT_LOG.TARGET_TYPE, targetType).set(PLATFORM_AUDIT_LOG.TARGET_ID, target)
                .set(PLATFORM_AUDIT_LOG.OUTCOME, outcome).set(PLATFORM_AUDIT_LOG.CLIENT_ADDR, clientAddress).execute();
            return;
        }
        dsl.insertInto(AUDIT_LOG).set(AUDIT_LOG.TENANT_ID, tenantId).set(AUDIT_LOG.ID, Ids.newId()).set(AUDIT_LOG.OCCURRED_AT, now)
            .set(AUDIT_LOG.ACTOR_ID, actorId).set(AUDIT_LOG.ACTOR_NAME, name).set(AUDIT_LOG.ACTION, action)
            .set(AUDIT_LOG.TARGET_TYPE, targetType).set(AUDIT_LOG.TARGET_ID, target)
            .set(AUDIT_LOG.OUTCOME, outcome).set(AUDIT_LOG.CLIENT_ADDR, clientAddress).execute();
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
