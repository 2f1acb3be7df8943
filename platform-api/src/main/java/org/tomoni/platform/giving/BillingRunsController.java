package org.tomoni.platform.giving;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
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

/** Billing runs: one period's charges for the active recurring gifts. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/billing-runs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class BillingRunsController {
    private final BillingRuns runs;
    private final Problems problems;

    BillingRunsController(BillingRuns runs, Problems problems) {
        this.runs = runs;
        this.problems = problems;
    }

    @Serdeable
    record RunRequest(@Nullable String period) {
    }

    /** Runs the period; 201 when this run created charges, 200 when everything was already charged. */
    @Capable(Capability.BILLING_RUN)
    @Post
    HttpResponse<?> run(HttpRequest<?> request, Actor actor, @Body RunRequest body) {
        Outcome<BillingRuns.RunView> outcome = runs.run(actor, body.period());
        if (outcome instanceof Outcome.Ok<BillingRuns.RunView> ok && ok.value().created() == 0) {
            return HttpResponse.status(HttpStatus.OK).body(ok.value());
        }
        return problems.created(request, outcome, r -> URI.create("/api/v1/billing-runs/" + r.id()));
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, runs.list(actor, PageRequest.of(page, size)));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> runs.get(actor, uuid)));
    }
}
