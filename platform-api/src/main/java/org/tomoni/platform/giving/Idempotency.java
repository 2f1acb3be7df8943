package org.tomoni.platform.giving;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.SQLDataType;
import org.tomoni.platform.shared.Columns;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;
import static org.tomoni.platform.shared.Columns.TENANT_ID;
import static org.tomoni.platform.shared.Columns.text;

/**
 * Idempotency keys, claimed inside the work's own transaction: a concurrent request with the same
 * key waits on the primary key until the first commits, then replays its response. A rolled-back
 * attempt (invalid input) releases the key, so the corrected request may reuse it.
 */
final class Idempotency {
    private static final Table<Record> KEYS = table(name("idempotency_keys"));
    private static final Field<String> KEY = text("key");
    private static final Field<String> SCOPE = text("scope");
    private static final Field<String> REQUEST_HASH = text("request_hash");
    private static final Field<Integer> STATUS = field(name("status"), SQLDataType.INTEGER);
    private static final Field<String> RESPONSE = text("response");
    private static final int MAX_KEY = 200;

    private Idempotency() {
    }

    sealed interface Claim {
    }

    record Fresh() implements Claim {
    }

    record Replay(int status, String response) implements Claim {
    }

    record Mismatch() implements Claim {
    }

    static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= MAX_KEY;
    }

    static Claim claim(DSLContext dsl, UUID tenantId, String scope, String key, String requestHash, OffsetDateTime now) {
        int inserted = dsl.insertInto(KEYS).set(TENANT_ID, tenantId).set(SCOPE, scope).set(KEY, key).set(REQUEST_HASH, requestHash)
            .set(STATUS, 0).set(RESPONSE, "").set(Columns.CREATED_AT, now).onConflictDoNothing().execute();
        if (inserted == 1) {
            return new Fresh();
        }
        Record stored = dsl.select(REQUEST_HASH, STATUS, RESPONSE).from(KEYS).where(TENANT_ID.eq(tenantId), SCOPE.eq(scope), KEY.eq(key))
            .fetchOne();
        return stored.get(REQUEST_HASH).equals(requestHash) ? new Replay(stored.get(STATUS), stored.get(RESPONSE)) : new Mismatch();
    }

    static void complete(DSLContext dsl, UUID tenantId, String scope, String key, int status, String response) {
        dsl.update(KEYS).set(STATUS, status).set(RESPONSE, response).where(TENANT_ID.eq(tenantId), SCOPE.eq(scope), KEY.eq(key)).execute();
    }

    static String hash(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
