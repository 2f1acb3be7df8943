package org.tomoni.platform.shared;

import jakarta.inject.Singleton;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

/**
 * The append-only audit trail, written in the caller's transaction. Entries of a tenant go to
 * its RLS-guarded log; platform-level ones (platform users, unknown tenants) to the platform log.
 * An entry names the record, never its content.
 */
@Singleton
public class AuditTrail {
    private static final Table<Record> TENANT_LOG = table(name("audit_log"));
    private static final Table<Record> PLATFORM_LOG = table(name("platform_audit_log"));
    private static final Field<UUID> TENANT_ID = field(name("tenant_id"), SQLDataType.UUID);
    private static final Field<UUID> ID = field(name("id"), SQLDataType.UUID);
    private static final Field<OffsetDateTime> OCCURRED_AT = field(name("occurred_at"), SQLDataType.TIMESTAMPWITHTIMEZONE);
    private static final Field<UUID> ACTOR_ID = field(name("actor_id"), SQLDataType.UUID);
    private static final Field<String> ACTOR_NAME = field(name("actor_name"), SQLDataType.CLOB);
    private static final Field<String> ACTION = field(name("action"), SQLDataType.CLOB);
    private static final Field<String> TARGET_TYPE = field(name("target_type"), SQLDataType.CLOB);
    private static final Field<String> TARGET_ID = field(name("target_id"), SQLDataType.CLOB);
    private static final Field<String> OUTCOME = field(name("outcome"), SQLDataType.CLOB);
    private static final Field<String> CLIENT_ADDR = field(name("client_addr"), SQLDataType.CLOB);

    /** How an audited attempt ended. */
    public enum Result { SUCCESS, FAILURE, DENIED }

    private final Clock clock;

    AuditTrail(Clock clock) {
        this.clock = clock;
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
        Table<Record> log = tenantId == null ? PLATFORM_LOG : TENANT_LOG;
        var insert = dsl.insertInto(log)
            .set(ID, Ids.newId())
            .set(OCCURRED_AT, Columns.now(clock))
            .set(ACTOR_ID, actorId)
            .set(ACTOR_NAME, actorName == null ? "" : truncate(actorName))
            .set(ACTION, action)
            .set(TARGET_TYPE, targetType)
            .set(TARGET_ID, targetId == null ? null : targetId.toString())
            .set(OUTCOME, result.name().toLowerCase())
            .set(CLIENT_ADDR, clientAddress);
        if (tenantId != null) {
            insert = insert.set(TENANT_ID, tenantId);
        }
        insert.execute();
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) : s;
    }
}
