package org.tomoni.platform.giving;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.NarrowActors;
import org.tomoni.platform.persistence.TenantScope;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.tenancy.TenantTransactions;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a donor may do with a signed link, without an account: view the gift, change the units,
 * pause, resume a paused gift, or cancel. Each change is kept in the gift's history under the
 * name "donor" and confirmed by mail. A bad or expired link is simply not found.
 */
@Singleton
public class DonorGifts {
    private final DonorLinks links;
    private final TenantRegistry tenants;
    private final TenantTransactions tx;
    private final RecurringGifts gifts;
    private final GiftNotices notices;

    DonorGifts(DonorLinks links, TenantRegistry tenants, TenantTransactions tx, RecurringGifts gifts, GiftNotices notices) {
        this.links = links;
        this.tenants = tenants;
        this.tx = tx;
        this.gifts = gifts;
        this.notices = notices;
    }

    @Serdeable
    public record DonorGiftView(String organization, long giftNumber, String donorName, String planName, String interval, int units,
                                long unitAmount, long amount, String status, String paymentMethod, RecurringGifts.BankAccount bankAccount,
                                String startMonth) {
    }

    public Outcome<DonorGiftView> view(String token) {
        return withGift(token, (tenant, giftId) -> tx.read(NarrowActors.donor(tenant, giftId), scope -> load(scope, tenant, giftId)));
    }

    public Outcome<DonorGiftView> changeUnits(String token, Integer units) {
        return withGift(token, (tenant, giftId) -> after(tenant, giftId,
            () -> gifts.changeUnits(NarrowActors.donor(tenant, giftId), giftId, units), "口数を " + units + " 口に変更しました。"));
    }

    /** {@code action}: pause, resume (only a paused gift; an error needs the staff) or cancel. */
    public Outcome<DonorGiftView> change(String token, String action) {
        return withGift(token, (tenant, giftId) -> {
            Optional<GiftStatus.Action> asked = GiftStatus.Action.of(action);
            if (asked.isEmpty()) {
                return Outcome.<DonorGiftView>rejected(ErrorCode.NOT_FOUND);
            }
            Outcome<DonorGiftView> current = tx.read(NarrowActors.donor(tenant, giftId), scope -> load(scope, tenant, giftId));
            if (asked.get() == GiftStatus.Action.RESUME && current instanceof Outcome.Ok<DonorGiftView> ok
                && GiftStatus.fromCode(ok.value().status()) != GiftStatus.PAUSED) {
                return Outcome.<DonorGiftView>invalid(List.of(FieldError.of("status", "transition")));
            }
            String what = switch (asked.get()) {
                case PAUSE -> "ご寄付を休止しました。再開されるまで引き落としはありません。";
                case RESUME -> "ご寄付を再開しました。";
                case CANCEL -> "ご寄付を解約しました。これまでのご支援に心より感謝申し上げます。";
            };
            return after(tenant, giftId, () -> gifts.change(NarrowActors.donor(tenant, giftId), giftId, action), what);
        });
    }

    /** The change, the donor's view of it and the confirmation mail, in one transaction: no mail for a change that did not commit. */
    private Outcome<DonorGiftView> after(Tenant tenant, UUID giftId, java.util.function.Supplier<Outcome<RecurringGifts.GiftView>> change,
                                         String what) {
        return tx.write(NarrowActors.donor(tenant, giftId), scope -> change.get().flatMap(g -> load(scope, tenant, giftId).map(v -> {
            String email = Donors.contact(scope, g.personId()).email();
            notices.changed(scope, new GiftNotices.About(v.organization(), v.donorName(), email, v.giftNumber(), v.planName(),
                v.units(), v.amount(), v.interval(), v.paymentMethod(), links.url(tenant.id(), giftId)), what);
            return v;
        })));
    }

    private Outcome<DonorGiftView> load(TenantScope scope, Tenant tenant, UUID giftId) {
        Optional<RecurringGifts.GiftView> gift = gifts.find(scope, giftId, false);
        if (gift.isEmpty()) {
            return Outcome.rejected(ErrorCode.NOT_FOUND);
        }
        var g = gift.get();
        var plan = GiftPlans.find(scope, g.planId()).orElseThrow();
        return Outcome.ok(new DonorGiftView(tenant.nameJa(), g.giftNumber(), Donors.contact(scope, g.personId()).name(),
            g.planName(), plan.interval(), g.units(), plan.unitAmount(), g.monthlyAmount(), g.status(), g.paymentMethod(), g.bankAccount(),
            g.startMonth()));
    }

    private interface GiftWork {
        Outcome<DonorGiftView> apply(Tenant tenant, UUID giftId);
    }

    private Outcome<DonorGiftView> withGift(String token, GiftWork work) {
        // The donor's page (API and UI alike) is part of giving: gone while the tenant has giving switched off.
        return links.verify(token).flatMap(t -> tenants.findById(t.tenantId()).filter(tenant -> tenant.settings().enables(Module.GIVING))
                .map(tenant -> work.apply(tenant, t.giftId())))
            .orElseGet(() -> Outcome.rejected(ErrorCode.NOT_FOUND));
    }
}
