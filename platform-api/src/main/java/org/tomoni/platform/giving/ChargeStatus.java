package org.tomoni.platform.giving;

import java.util.Arrays;
import java.util.Set;

/**
 * A charge's state, as stored in {@code charges.status}: created {@code pending} by a run, then
 * {@code submitted} to the bank or settled at once ({@code collected}, {@code failed}); a settled
 * charge never changes again (a failed gift is charged anew by next period's run).
 */
enum ChargeStatus {
    PENDING("pending"), SUBMITTED("submitted"), COLLECTED("collected"), FAILED("failed");

    private final String code;

    ChargeStatus(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    boolean canBecome(ChargeStatus next) {
        return switch (this) {
            case PENDING -> Set.of(SUBMITTED, COLLECTED, FAILED).contains(next);
            case SUBMITTED -> Set.of(COLLECTED, FAILED).contains(next);
            case COLLECTED, FAILED -> false;
        };
    }

    static ChargeStatus of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no charge status " + code));
    }
}
