package org.tomoni.platform.giving;

import java.util.Arrays;

/** A billing run's state, as stored in {@code billing_runs.status}: {@code running} until its one transaction completes it. */
enum BillingRunStatus {
    RUNNING("running"), COMPLETED("completed");

    private final String code;

    BillingRunStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean canBecome(BillingRunStatus next) {
        return this == RUNNING && next == COMPLETED;
    }

    static BillingRunStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no billing run status " + code));
    }
}
