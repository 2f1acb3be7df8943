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
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

/** Billing runs: one period's charges for the active recurring gifts. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/billing-runs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class BillingRunsController {
    private final BillingRuns runs;

    BillingRunsController(BillingRuns runs) {
        this.runs = runs;
    }

    @Serdeable
    record RunRequest(@Nullable String period) {
    }

    /** Runs the period; 201 when this run created charges, 200 when everything was already charged ({@link BillingRuns.RunView#fresh}). */
    @Capable(Capability.BILLING_RUN)
    @Post
    Reply<BillingRuns.RunView> run(Actor actor, @Body RunRequest body) {
        return Reply.created(runs.run(actor, body.period()), r -> "/api/v1/billing-runs/" + r.id());
    }

    @Get
    Outcome<Page<BillingRuns.RunView>> list(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return runs.list(actor, PageRequest.of(page, size));
    }

    @Get("/{id}")
    Outcome<BillingRuns.RunView> get(Actor actor, @PathVariable UUID id) {
        return runs.get(actor, id);
    }
}
