package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;

/** Gift plans: what a donor can sign up for. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/gift-plans")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class GiftPlansController {
    private final GiftPlans plans;
    private final Problems problems;

    GiftPlansController(GiftPlans plans, Problems problems) {
        this.plans = plans;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, plans.list(actor, PageRequest.of(page, size)));
    }

    @Capable(Capability.GIVING_SETTINGS)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body GiftPlans.PlanRequest body) {
        return problems.created(request, plans.create(actor, body), p -> URI.create("/api/v1/gift-plans/" + p.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> plans.get(actor, uuid)));
    }
}
