package org.tomoni.platform.audit;

import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.SelectConditionStep;
import org.jooq.impl.DSL;
import org.tomoni.platform.persistence.PlatformScope;
import org.tomoni.platform.persistence.TenantScope;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.tomoni.platform.schema.Tables.AUDIT_LOG_ENTRIES;
import static org.tomoni.platform.schema.Tables.PLATFORM_AUDIT_LOG_ENTRIES;

/**
 * The audit trails as read: through their select-only views (the runtime role may only insert into the tables).
 * Every filter has an index led by the tenant ({@code audit_log_actor}, {@code _action}, {@code _target}, {@code _time}).
 */
final class AuditLogRepository {
    private static final org.tomoni.platform.schema.tables.AuditLogEntries A = AUDIT_LOG_ENTRIES;
    private static final org.tomoni.platform.schema.tables.PlatformAuditLogEntries P = PLATFORM_AUDIT_LOG_ENTRIES;

    private AuditLogRepository() {
    }

    static List<AuditLog.AuditEntry> page(TenantScope scope, AuditLog.Filter f, long offset, int limit) {
        return select(scope, f).orderBy(A.OCCURRED_AT.desc(), A.ID.desc()).limit(limit).offset(offset)
            .fetch(AuditLogRepository::entry);
    }

    /** How many entries match, counted up to {@code cap} only: a large log is not counted whole for every page. */
    static long count(TenantScope scope, AuditLog.Filter f, int cap) {
        return scope.dsl().fetchCount(scope.dsl().selectOne().from(A).where(condition(scope, f)).limit(cap));
    }

    static Stream<AuditLog.AuditEntry> stream(TenantScope scope, AuditLog.Filter f, int fetchSize) {
        return select(scope, f).orderBy(A.OCCURRED_AT.desc(), A.ID.desc()).fetchSize(fetchSize).fetchStream()
            .map(AuditLogRepository::entry);
    }

    static List<AuditLog.AuditEntry> platformPage(PlatformScope scope, AuditLog.Filter f, long offset, int limit) {
        return platformSelect(scope, f).orderBy(P.OCCURRED_AT.desc(), P.ID.desc()).limit(limit).offset(offset)
            .fetch(AuditLogRepository::platformEntry);
    }

    static long platformCount(PlatformScope scope, AuditLog.Filter f, int cap) {
        return scope.dsl().fetchCount(scope.dsl().selectOne().from(P).where(platformCondition(f)).limit(cap));
    }

    static Stream<AuditLog.AuditEntry> platformStream(PlatformScope scope, AuditLog.Filter f, int fetchSize) {
        return platformSelect(scope, f).orderBy(P.OCCURRED_AT.desc(), P.ID.desc()).fetchSize(fetchSize).fetchStream()
            .map(AuditLogRepository::platformEntry);
    }

    private static SelectConditionStep<? extends Record> select(TenantScope scope, AuditLog.Filter f) {
        return scope.dsl().select(A.ID, A.OCCURRED_AT, A.ACTOR_ID, A.ACTOR_NAME, A.ACTION, A.TARGET_TYPE, A.TARGET_ID, A.OUTCOME,
            A.CLIENT_ADDR).from(A).where(condition(scope, f));
    }

    private static SelectConditionStep<? extends Record> platformSelect(PlatformScope scope, AuditLog.Filter f) {
        return scope.dsl().select(P.ID, P.OCCURRED_AT, P.ACTOR_ID, P.ACTOR_NAME, P.ACTION, P.TARGET_TYPE, P.TARGET_ID, P.OUTCOME,
            P.CLIENT_ADDR).from(P).where(platformCondition(f));
    }

    private static Condition condition(TenantScope scope, AuditLog.Filter f) {
        List<Condition> c = new ArrayList<>();
        c.add(scope.owns(A));
        if (!f.actorNames().isEmpty()) {
            c.add(A.ACTOR_NAME.in(f.actorNames()));
        }
        if (f.action() != null) {
            c.add(A.ACTION.eq(f.action()));
        }
        if (f.from() != null) {
            c.add(A.OCCURRED_AT.ge(f.from()));
        }
        if (f.before() != null) {
            c.add(A.OCCURRED_AT.lt(f.before()));
        }
        if (f.targetType() != null) {
            c.add(A.TARGET_TYPE.eq(f.targetType()));
        }
        if (f.targetId() != null) {
            c.add(A.TARGET_ID.eq(f.targetId()));
        }
        return DSL.and(c);
    }

    private static Condition platformCondition(AuditLog.Filter f) {
        List<Condition> c = new ArrayList<>();
        if (!f.actorNames().isEmpty()) {
            c.add(P.ACTOR_NAME.in(f.actorNames()));
        }
        if (f.action() != null) {
            c.add(P.ACTION.eq(f.action()));
        }
        if (f.from() != null) {
            c.add(P.OCCURRED_AT.ge(f.from()));
        }
        if (f.before() != null) {
            c.add(P.OCCURRED_AT.lt(f.before()));
        }
        if (f.targetType() != null) {
            c.add(P.TARGET_TYPE.eq(f.targetType()));
        }
        if (f.targetId() != null) {
            c.add(P.TARGET_ID.eq(f.targetId()));
        }
        return DSL.and(c);
    }

    private static AuditLog.AuditEntry entry(Record r) {
        return new AuditLog.AuditEntry(r.get(A.ID), r.get(A.OCCURRED_AT), r.get(A.ACTOR_ID), r.get(A.ACTOR_NAME), r.get(A.ACTION),
            r.get(A.TARGET_TYPE), r.get(A.TARGET_ID), r.get(A.OUTCOME), r.get(A.CLIENT_ADDR));
    }

    private static AuditLog.AuditEntry platformEntry(Record r) {
        return new AuditLog.AuditEntry(r.get(P.ID), r.get(P.OCCURRED_AT), r.get(P.ACTOR_ID), r.get(P.ACTOR_NAME), r.get(P.ACTION),
            r.get(P.TARGET_TYPE), r.get(P.TARGET_ID), r.get(P.OUTCOME), r.get(P.CLIENT_ADDR));
    }
}
