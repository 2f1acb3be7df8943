package org.tomoni.platform.giving;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;

import java.util.UUID;

/** Charges: every charge of a run, by method, person and status, with why it stands where it does. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/charges")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class ChargesController {
    private final Charges charges;

    ChargesController(Charges charges) {
        this.charges = charges;
    }

    @Get
    Outcome<Page<Charges.ChargeView>> list(Actor actor, @Nullable @QueryValue String runId, @Nullable @QueryValue String batchId,
                                           @Nullable @QueryValue String method, @Nullable @QueryValue String status,
                                           @Nullable @QueryValue String personId, @Nullable @QueryValue String name,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return charges.list(actor, new Charges.Query(runId, batchId, method, status, personId, name), PageRequest.of(page, size));
    }

    /** The same filters' charges and yen in all, and by method and status. */
    @Get("/totals")
    Outcome<Charges.Totals> totals(Actor actor, @Nullable @QueryValue String runId, @Nullable @QueryValue String batchId,
                                   @Nullable @QueryValue String method, @Nullable @QueryValue String status,
                                   @Nullable @QueryValue String personId, @Nullable @QueryValue String name) {
        return charges.totals(actor, new Charges.Query(runId, batchId, method, status, personId, name));
    }

    @Get("/{id}")
    Outcome<Charges.ChargeView> get(Actor actor, @PathVariable UUID id) {
        return charges.get(actor, id);
    }

    /** A charge paid by bank transfer: the transfer arrived on {@code receivedOn}. */
    @Capable(Capability.GIVING_WRITE)
    @Post("/{id}/transfer")
    Outcome<Charges.ChargeView> transfer(Actor actor, @PathVariable UUID id, @Body Charges.TransferRequest body) {
        return charges.recordTransfer(actor, id, body);
    }
}
