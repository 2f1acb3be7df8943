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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

/** Money received: one-off donations and collected charges. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/donations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DonationsController {
    private final Donations donations;

    DonationsController(Donations donations) {
        this.donations = donations;
    }

    /** {@code personId} or {@code organizationId} that is no UUID matches nobody (an empty page, not an error). */
    @Get
    Outcome<Page<Donations.DonationView>> list(Actor actor, @Nullable @QueryValue String personId,
                                               @Nullable @QueryValue String organizationId, @Nullable @QueryValue String kind,
                                               @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer page,
                                               @Nullable @QueryValue Integer size) {
        return donations.list(actor, Ids.parseOrNobody(personId), Ids.parseOrNobody(organizationId), kind, year, PageRequest.of(page, size));
    }

    @Capable(Capability.GIVING_WRITE)
    @Post
    Reply<Donations.DonationView> create(Actor actor, @Body Donations.DonationRequest body) {
        return Reply.created(donations.create(actor, body), d -> "/api/v1/donations/" + d.id());
    }

    /** Cancels the donation with a counter-entry (If-Match: its version). */
    @Capable(Capability.GIVING_WRITE)
    @Post("/{id}/cancellation")
    Outcome<Donations.Reversal> cancel(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body Donations.CancellationRequest body) {
        return donations.cancel(actor, id, version, body);
    }

    /** Corrects the donation: a counter-entry and the corrected entry (If-Match: its version). */
    @Capable(Capability.GIVING_WRITE)
    @Post("/{id}/correction")
    Outcome<Donations.Reversal> correct(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body Donations.CorrectionRequest body) {
        return donations.correct(actor, id, version, body);
    }

    @Get("/{id}")
    Outcome<Donations.DonationView> get(Actor actor, @PathVariable UUID id) {
        return donations.get(actor, id);
    }
}
