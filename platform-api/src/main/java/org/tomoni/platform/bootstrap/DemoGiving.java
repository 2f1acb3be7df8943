package org.tomoni.platform.bootstrap;

import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Receipts;
import org.tomoni.platform.shared.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The demo tenants' gift plans and giving settings: the grant fund's サポーター (300 yen per unit
 * monthly) and スポット (500 yen per unit, once) from its seed, a monthly plan for the children's
 * fund, and direct-debit settings (a made-up consignor) so batches produce request files.
 */
final class DemoGiving {
    private final GiftPlans plans;
    private final GivingSettings settings;
    private final Donations donations;
    private final Receipts receipts;
    private final Clock clock;

    DemoGiving(GiftPlans plans, GivingSettings settings, Donations donations, Receipts receipts, Clock clock) {
        this.plans = plans;
        this.settings = settings;
        this.donations = donations;
        this.receipts = receipts;
        this.clock = clock;
    }

    /**
     * A year of money received before this month: each month some of the generated people give by bank
     * transfer or in cash (3,000 to 30,000 yen), and every third month each giving organisation (a co-op, a
     * company) gives 50,000 yen. Six of the gifts at least two months old have their receipts (each a PDF). All dates are past
     * days in Tokyo; the same people give the same amounts on every start in the same month.
     */
    void pastYear(Actor admin, List<UUID> people, List<UUID> organisations) {
        if (people.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Tokyo")));
        LocalDate thisMonth = today.withDayOfMonth(1);
        long[] amounts = {3000, 5000, 5000, 10000, 10000, 30000};
        int n = 0;
        int receipted = 0;
        for (int back = 12; back >= 1; back--) {
            LocalDate month = thisMonth.minusMonths(back);
            for (int k = 0; k < 8; k++, n++) {
                UUID donor = people.get((n * 37) % people.size());
                LocalDate on = month.plusDays((k * 3 + back) % month.lengthOfMonth());
                var d = donations.create(admin, new Donations.DonationRequest(donor.toString(), amounts[n % amounts.length], on.toString(),
                    n % 3 == 0 ? "cash" : "bank_transfer", "donation", null, null)).orThrow();
                if (back >= 2 && n % 2 == 0 && receipted < 6) {
                    receipts.issue(admin, d.id()).orThrow();
                    receipted++;
                }
            }
            if (back % 3 == 0) {
                for (UUID org : organisations) {
                    donations.create(admin, new Donations.DonationRequest(null, 50000L, month.plusDays(14).toString(), "bank_transfer",
                        "donation", null, null, org.toString())).orThrow();
                }
            }
        }
    }

    /** One demo tenant's plans and settings. */
    interface Step {
        void run(DemoGiving giving, Actor admin);
    }

    static final Step NONE = (giving, admin) -> { };

    void grantFund(Actor admin) {
        plan(admin, "サポーター", 300, "monthly", null);
        plan(admin, "スポット", 500, "once", null);
        settings(admin, "神奈川県横浜市中区1-1", "ｲﾝｸﾙｷｷﾝ", "0000000001");
    }

    void childrensFund(Actor admin) {
        plan(admin, "毎月の応援", 1000, "monthly", null);
        plan(admin, "奨学金への指定寄付", 1000, "once", "奨学金");
        settings(admin, "東京都千代田区1-1", "ﾕﾒｷｷﾝ", "0000000002");
    }

    private void plan(Actor admin, String name, long unit, String interval, String purpose) {
        plans.create(admin, new GiftPlans.PlanRequest(name, unit, interval, purpose, true)).orThrow();
    }

    private void settings(Actor admin, String address, String consignorKana, String consignorCode) {
        settings.update(admin, 0, new GivingSettings.SettingsRequest(address, null, null, consignorCode, consignorKana, "0001", "001", 1,
            "1234567", 27, 5, null)).orThrow();
    }
}
