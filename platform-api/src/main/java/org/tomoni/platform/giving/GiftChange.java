package org.tomoni.platform.giving;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The fields of a recurring gift one side of a history line names ({@code before} or {@code after}); the others are
 * absent (null, left out of the JSON). Stored as a jsonb object with the same keys.
 *
 * @param status      the gift's status code ({@link GiftStatus#code()})
 * @param units       the number of units
 * @param plan        the plan's name at the time
 * @param method      the payment method code (direct_debit, card, bank_transfer, cash)
 * @param resultCode  a failed direct debit's Zengin result code (1 資金不足, 2 口座なし, 3, 4, 8, 9)
 * @param retry       whether the next billing run charges a failed debit again
 * @param declineCode a declined card charge's code from the gateway
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GiftChange(@Nullable String status, @Nullable Integer units, @Nullable String plan, @Nullable String method,
                         @Nullable Integer resultCode, @Nullable Boolean retry, @Nullable String declineCode) {

    static GiftChange status(GiftStatus status) {
        return new GiftChange(status.code(), null, null, null, null, null, null);
    }

    static GiftChange units(int units) {
        return new GiftChange(null, units, null, null, null, null, null);
    }

    static GiftChange created(String plan, int units, String method) {
        return new GiftChange(GiftStatus.ACTIVE.code(), units, plan, method, null, null, null);
    }

    static GiftChange cardDeclined(String declineCode) {
        return new GiftChange(GiftStatus.ERROR.code(), null, null, null, null, null, declineCode);
    }

    static GiftChange debitFailed(int resultCode, boolean retry) {
        return new GiftChange(GiftStatus.ERROR.code(), null, null, null, resultCode, retry, null);
    }
}
