package org.tomoni.platform.giving;

import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;

/** Gift plans, recurring gifts entered by staff, and billing runs. */
@ModuleRoute(Module.GIVING)
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class GivingController {
    private final GiftPlans plans;
    private final RecurringGifts gifts;
    private final BillingRuns runs;
    private final Problems problems;

    GivingController(GiftPlans plans, RecurringGifts gifts, BillingRuns runs, Problems problems) {
        this.plans = plans;
        this.gifts = gifts;
        this.runs = runs;
        this.problems = problems;
    }

    @Serdeable
    record RunRequest(@Nullable String period) {
    }

    @Get("/gift-plans")
    HttpResponse<?> plans(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, plans.list(actor, PageRequest.of(page, size)));
    }

    @Post("/gift-plans")
    HttpResponse<?> createPlan(HttpRequest<?> request, Actor actor, @Body GiftPlans.PlanRequest body) {
        return problems.created(request, plans.create(actor, body), p -> URI.create("/api/v1/gift-plans/" + p.id()));
    }

    @Get("/gift-plans/{id}")
    HttpResponse<?> plan(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> plans.get(actor, uuid)));
    }

    @Get("/recurring-gifts")
    HttpResponse<?> gifts(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String status, @Nullable @QueryValue Integer page,
                          @Nullable @QueryValue Integer size) {
        return problems.ok(request, gifts.list(actor, status, PageRequest.of(page, size)));
    }

    @Post("/recurring-gifts")
    HttpResponse<?> createGift(HttpRequest<?> request, Actor actor, @Body RecurringGifts.GiftRequest body) {
        return problems.created(request, gifts.create(actor, body), g -> URI.create("/api/v1/recurring-gifts/" + g.id()));
    }

    @Get("/recurring-gifts/{id}")
    HttpResponse<?> gift(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> gifts.get(actor, uuid)));
    }

    /** {@code action}: pause, resume or cancel. */
    @Post("/recurring-gifts/{id}/{action}")
    HttpResponse<?> change(HttpRequest<?> request, Actor actor, @PathVariable String id, @PathVariable String action) {
        return problems.ok(request, Ids.withId(id, uuid -> gifts.change(actor, uuid, action)));
    }

    /** Runs the period; 201 when this run created charges, 200 when everything was already charged. */
    @Post("/billing-runs")
    HttpResponse<?> run(HttpRequest<?> request, Actor actor, @Body RunRequest body) {
        Outcome<BillingRuns.RunView> outcome = runs.run(actor, body.period());
        if (outcome instanceof Outcome.Ok<BillingRuns.RunView> ok && ok.value().created() == 0) {
            return HttpResponse.status(HttpStatus.OK).body(ok.value());
        }
        return problems.created(request, outcome, r -> URI.create("/api/v1/billing-runs/" + r.id()));
    }

    @Get("/billing-runs")
    HttpResponse<?> runs(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, runs.list(actor, PageRequest.of(page, size)));
    }

    @Get("/billing-runs/{id}")
    HttpResponse<?> runView(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> runs.get(actor, uuid)));
    }
}
