package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

/** Gift plans: what a donor can sign up for. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/gift-plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class GiftPlansController {
    private final GiftPlans plans;

    GiftPlansController(GiftPlans plans) {
        this.plans = plans;
    }

    @Get
    Outcome<Page<GiftPlans.PlanView>> list(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return plans.list(actor, PageRequest.of(page, size));
    }

    @Capable(Capability.GIVING_SETTINGS)
    @Post
    Reply<GiftPlans.PlanView> create(Actor actor, @Body GiftPlans.PlanRequest body) {
        return Reply.created(plans.create(actor, body), p -> "/api/v1/gift-plans/" + p.id());
    }

    @Get("/{id}")
    Outcome<GiftPlans.PlanView> get(Actor actor, @PathVariable UUID id) {
        return plans.get(actor, id);
    }

    @Capable(Capability.GIVING_SETTINGS)
    @Put("/{id}")
    Outcome<GiftPlans.PlanView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body GiftPlans.PlanRequest body) {
        return plans.update(actor, id, version, body);
    }
}
