package org.tomoni.platform.giving;

import java.util.Arrays;
import java.util.Optional;

/**
 * The status of a 寄附金受領証明書 as stored in {@code receipts.status} (text with a CHECK of exactly these codes). An
 * issued receipt is voided once, by its reissue; a void one never changes again (the database's trigger refuses it too).
 */
public enum ReceiptStatus {
    ISSUED("issued"),
    VOID("void");

    private final String code;

    ReceiptStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ReceiptStatus> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static ReceiptStatus fromCode(String code) {
        return of(code).orElseThrow(() -> new IllegalArgumentException("unknown receipt status " + code));
    }

    public boolean canBecome(ReceiptStatus next) {
        return this == ISSUED && next == VOID;
    }
}
