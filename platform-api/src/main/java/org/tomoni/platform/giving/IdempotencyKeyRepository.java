package org.tomoni.platform.giving;

import org.jooq.Record3;
import org.tomoni.platform.persistence.TenantScope;

import java.util.Optional;

import static org.tomoni.platform.schema.Tables.IDEMPOTENCY_KEYS;

/**
 * Idempotency keys of a tenant, one row per (scope, key). Rows are claimed and completed, never changed otherwise; the
 * table has only {@code created_at} (set here from the scope's clock), so it is written without the audit stamping.
 */
final class IdempotencyKeyRepository {
    private IdempotencyKeyRepository() {
    }

    record Stored(String requestHash, int status, String response) {
    }

    /** Claims the key with an empty response; false when it is already there (a concurrent claim waits for its commit). */
    static boolean claim(TenantScope scope, String area, String key, String requestHash) {
        var k = IDEMPOTENCY_KEYS;
        return scope.insertInto(k).set(k.SCOPE, area).set(k.KEY, key).set(k.REQUEST_HASH, requestHash).set(k.STATUS, 0).set(k.RESPONSE, "")
            .onConflictDoNothing().execute() == 1;
    }

    static Optional<Stored> find(TenantScope scope, String area, String key) {
        var k = IDEMPOTENCY_KEYS;
        return scope.dsl().select(k.REQUEST_HASH, k.STATUS, k.RESPONSE).from(k).where(scope.owns(k), k.SCOPE.eq(area), k.KEY.eq(key))
            .fetchOptional((Record3<String, Integer, String> r) -> new Stored(r.value1(), r.value2(), r.value3()));
    }

    static void complete(TenantScope scope, String area, String key, int status, String response) {
        var k = IDEMPOTENCY_KEYS;
        scope.dsl().update(k).set(k.STATUS, status).set(k.RESPONSE, response).where(scope.owns(k), k.SCOPE.eq(area), k.KEY.eq(key)).execute();
    }
}
