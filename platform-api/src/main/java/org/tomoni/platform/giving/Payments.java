package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Fields;
import org.tomoni.platform.shared.SecretBox;

import java.util.ArrayList;
import java.util.List;

/**
 * The payment part of a sign-up, checked the way a bank would: bank code 4 digits, branch 3,
 * account 7, account type 普通(1)/当座(2)/貯蓄(4)/その他(9), the holder in characters a Zengin file
 * accepts. The account number is sealed before it leaves this policy.
 */
public final class Payments {
    static final int HOLDER_MAX = 30;

    private Payments() {
    }

    @Serdeable
    public record PaymentRequest(@Nullable String method, @Nullable String bankCode, @Nullable String branchCode,
                                 @Nullable Integer accountType, @Nullable String accountNumber, @Nullable String accountHolderKana,
                                 @Nullable String cardToken) {
    }

    /** A checked direct-debit account: the number sealed, a mask for display. */
    record DebitAccount(String bankCode, String branchCode, int accountType, String sealedNumber, String maskedNumber, String holderKana) {
    }

    /** The method and, for direct debit, the account; or every field error under {@code payment.}. */
    record Checked(String method, DebitAccount account, String cardToken, List<FieldError> errors) {
    }

    static Checked check(PaymentRequest p, SecretBox secrets) {
        List<FieldError> errors = new ArrayList<>();
        if (p == null || p.method() == null || !List.of("direct_debit", "card").contains(p.method())) {
            errors.add(FieldError.of("payment.method", "payment_method"));
            return new Checked(null, null, null, errors);
        }
        if ("card".equals(p.method())) {
            if (p.cardToken() == null || !p.cardToken().matches("^tok_[A-Za-z0-9_]{4,100}$")) {
                errors.add(FieldError.of("payment.cardToken", "card_token"));
            }
            return new Checked("card", null, p.cardToken(), errors);
        }
        Fields f = Fields.into(errors);
        String bank = f.code("payment.bankCode", p.bankCode(), 4, true);
        String branch = f.code("payment.branchCode", p.branchCode(), 3, true);
        String number = f.code("payment.accountNumber", p.accountNumber(), 7, true);
        if (p.accountType() == null || !List.of(1, 2, 4, 9).contains(p.accountType())) {
            errors.add(FieldError.of("payment.accountType", p.accountType() == null ? "required" : "choice"));
        }
        String holder = holder(p.accountHolderKana(), errors);
        if (!errors.isEmpty()) {
            return new Checked("direct_debit", null, null, errors);
        }
        var account = new DebitAccount(bank, branch, p.accountType(), secrets.encrypt(number), mask(number), holder);
        return new Checked("direct_debit", account, null, errors);
    }

    /** ****567: enough for a donor or staff to recognise the account, not to use it. */
    static String mask(String number) {
        return "*".repeat(number.length() - 3) + number.substring(number.length() - 3);
    }

    private static String holder(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(FieldError.of("payment.accountHolderKana", "required"));
            return null;
        }
        String kana = BankKana.convert(raw).filter(BankKana::isValid).orElse(null);
        if (kana == null) {
            errors.add(FieldError.of("payment.accountHolderKana", "bank_kana"));
        } else if (kana.length() > HOLDER_MAX) {
            errors.add(FieldError.of("payment.accountHolderKana", "too_long"));
        }
        return kana;
    }

    /** Exactly {@code width} digits (full-width and hyphens accepted), or an error on {@code field}. */
}
