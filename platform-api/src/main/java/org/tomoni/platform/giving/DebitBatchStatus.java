package org.tomoni.platform.giving;

import java.util.Arrays;

/**
 * A direct-debit batch's state, as stored in {@code debit_batches.status}: {@code created} by a run,
 * {@code reconciled} once, by the bank's result; a second result for the same batch is refused.
 */
enum DebitBatchStatus {
    CREATED("created"), RECONCILED("reconciled");

    private final String code;

    DebitBatchStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean canBecome(DebitBatchStatus next) {
        return this == CREATED && next == RECONCILED;
    }

    static DebitBatchStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no debit batch status " + code));
    }
}
