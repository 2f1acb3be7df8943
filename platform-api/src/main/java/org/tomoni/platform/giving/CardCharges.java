package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.LocalDate;
import java.util.List;

/**
 * Charges a period's pending card charges through the {@link CardGateway}, one at a time, each
 * with the charge's id as the provider's idempotency key: a run repeated after a crash charges
 * nothing twice. Collected charges become donations; a decline moves the gift to error.
 */
@Singleton
class CardCharges {
    private final TenantTransactions tx;
    private final CardGateway gateway;

    CardCharges(TenantTransactions tx, CardGateway gateway) {
        this.tx = tx;
        this.gateway = gateway;
    }

    @Serdeable
    public record Summary(int attempted, int collected, int failed) {
    }

    Summary chargePending(Actor actor, LocalDate period) {
        List<ChargeRepository.PendingCard> pending = tx.read(actor, scope -> ChargeRepository.pendingCards(scope, period));
        int collected = 0;
        for (ChargeRepository.PendingCard p : pending) {
            CardGateway.Result result = p.customer() == null ? CardGateway.Result.declined("no_card_on_file")
                : gateway.charge(p.customer(), p.amount(), "charge-" + p.chargeId(), "gift " + p.giftId());
            if (result.ok()) {
                collected++;
            }
            record(actor, p, result);
        }
        return new Summary(pending.size(), collected, pending.size() - collected);
    }

    private void record(Actor actor, ChargeRepository.PendingCard p, CardGateway.Result result) {
        tx.write(actor, scope -> {
            ChargeRepository.settle(scope, p.chargeId(), result.ok() ? ChargeStatus.COLLECTED : ChargeStatus.FAILED,
                result.ok() ? null : "card: " + result.declineCode());
            if (result.ok()) {
                Donations.fromCharge(scope, p.chargeId(), scope.now().atZoneSameInstant(PublicGiving.TOKYO).toLocalDate());
            } else {
                RecurringGiftRepository.cardDeclined(scope, p.giftId(), result.declineCode(), "カード決済不可: " + result.declineCode());
            }
            return null;
        });
    }
}
