package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.jooq.Record;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Columns;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.tomoni.platform.giving.GivingTables.CHARGES;
import static org.tomoni.platform.shared.Columns.ID;
import static org.tomoni.platform.shared.Columns.TENANT_ID;

/**
 * Charges a period's pending card charges through the {@link CardGateway}, one at a time, each
 * with the charge's id as the provider's idempotency key: a run repeated after a crash charges
 * nothing twice. Collected charges become donations; a decline moves the gift to error.
 */
@Singleton
class CardCharges {
    private final TenantTransactions tx;
    private final CardGateway gateway;
    private final RecurringGifts gifts;
    private final Clock clock;

    CardCharges(TenantTransactions tx, CardGateway gateway, RecurringGifts gifts, Clock clock) {
        this.tx = tx;
        this.gateway = gateway;
        this.gifts = gifts;
        this.clock = clock;
    }

    @Serdeable
    public record Summary(int attempted, int collected, int failed) {
    }

    private record Pending(UUID chargeId, UUID giftId, UUID personId, long amount, String customer, String purpose) {
    }

    Summary chargePending(Actor actor, LocalDate period) {
        var g = GivingTables.GIFTS;
        var c = CHARGES;
        List<Pending> pending = tx.read(actor.tenantId(), dsl -> dsl.select(Columns.qualified(c, ID), Columns.qualified(c, GivingTables.GIFT_ID),
                Columns.qualified(c, GivingTables.PERSON_ID), Columns.qualified(c, GivingTables.AMOUNT), Columns.qualified(g, GivingTables.CARD_CUSTOMER))
            .from(c).join(g).on(Columns.qualified(g, TENANT_ID).eq(actor.tenantId()), Columns.qualified(g, ID).eq(Columns.qualified(c, GivingTables.GIFT_ID)))
            .where(Columns.qualified(c, TENANT_ID).eq(actor.tenantId()), Columns.qualified(c, GivingTables.PERIOD).eq(period),
                Columns.qualified(c, GivingTables.METHOD).eq("card"), Columns.qualified(c, GivingTables.STATUS).eq("pending"))
            .fetch((Record r) -> new Pending(r.get(0, UUID.class), r.get(1, UUID.class), r.get(2, UUID.class), r.get(3, Long.class),
                r.get(4, String.class), null)));
        int collected = 0;
        for (Pending p : pending) {
            CardGateway.Result result = p.customer() == null ? CardGateway.Result.declined("no_card_on_file")
                : gateway.charge(p.customer(), p.amount(), "charge-" + p.chargeId(), "gift " + p.giftId());
            if (result.ok()) {
                collected++;
            }
            record(actor, p, result);
        }
        return new Summary(pending.size(), collected, pending.size() - collected);
    }

    private void record(Actor actor, Pending p, CardGateway.Result result) {
        tx.write(actor.tenantId(), dsl -> {
            var now = Columns.now(clock);
            dsl.update(CHARGES).set(GivingTables.STATUS, result.ok() ? "collected" : "failed")
                .set(GivingTables.FAILURE, result.ok() ? null : "card: " + result.declineCode())
                .set(Columns.UPDATED_AT, now).set(Columns.UPDATED_BY, actor.auditName()).set(Columns.VERSION, Columns.VERSION.plus(1))
                .where(TENANT_ID.eq(actor.tenantId()), ID.eq(p.chargeId()), GivingTables.STATUS.eq("pending")).execute();
            // TODO(issue 11, wt-billing): the scope from tx.write(actor, scope -> …) once this class is on it.
            var scope = org.tomoni.platform.persistence.TenantScope.bound(dsl, actor.tenantId(), actor, clock);
            if (result.ok()) {
                Donations.fromCharge(scope, p.chargeId(), now.atZoneSameInstant(PublicGiving.TOKYO).toLocalDate());
            } else {
                RecurringGiftRepository.cardDeclined(scope, p.giftId(), result.declineCode(), "カード決済不可: " + result.declineCode());
            }
            return null;
        });
    }
}
