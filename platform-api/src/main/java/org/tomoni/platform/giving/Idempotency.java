package org.tomoni.platform.giving;

import org.tomoni.platform.persistence.TenantScope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Idempotency keys, claimed inside the work's own transaction: a concurrent request with the same
 * key waits on the primary key until the first commits, then replays its response. A rolled-back
 * attempt (invalid input) releases the key, so the corrected request may reuse it.
 */
final class Idempotency {
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

    static Claim claim(TenantScope scope, String area, String key, String requestHash) {
        if (IdempotencyKeyRepository.claim(scope, area, key, requestHash)) {
            return new Fresh();
        }
        IdempotencyKeyRepository.Stored stored = IdempotencyKeyRepository.find(scope, area, key).orElseThrow();
        return stored.requestHash().equals(requestHash) ? new Replay(stored.status(), stored.response()) : new Mismatch();
    }

    static void complete(TenantScope scope, String area, String key, int status, String response) {
        IdempotencyKeyRepository.complete(scope, area, key, status, response);
    }

    static String hash(String canonicalRequest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
