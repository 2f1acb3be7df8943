package org.tomoni.platform.bootstrap;

import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.shared.Actor;

/**
 * The demo tenants' gift plans and giving settings: the grant fund's サポーター (300 yen per unit
 * monthly) and スポット (500 yen per unit, once) from its seed, a monthly plan for the children's
 * fund, and direct-debit settings (a made-up consignor) so batches produce request files.
 */
final class DemoGiving {
    private final GiftPlans plans;
    private final GivingSettings settings;

    DemoGiving(GiftPlans plans, GivingSettings settings) {
        this.plans = plans;
        this.settings = settings;
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
