package org.tomoni.platform.giving;

import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.KindTemplate;
import org.tomoni.platform.tenancy.Module;

/** The giving module's section of a tenant kind's templates: {@code giftPlans}, created through {@link GiftPlans}. */
@Singleton
class GivingTemplates implements KindTemplate<GiftPlans.PlanRequest> {
    private final GiftPlans plans;

    GivingTemplates(GiftPlans plans) {
        this.plans = plans;
    }

    @Override
    public String key() {
        return "giftPlans";
    }

    @Override
    public Module module() {
        return Module.GIVING;
    }

    @Override
    public Class<GiftPlans.PlanRequest> entryType() {
        return GiftPlans.PlanRequest.class;
    }

    @Override
    public Outcome<?> apply(Actor admin, GiftPlans.PlanRequest entry) {
        return plans.create(admin, entry);
    }
}
