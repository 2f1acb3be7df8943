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
import java.util.UUID;

/** Money received: one-off donations and collected charges. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/donations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class DonationsController {
    private final Donations donations;
    private final Problems problems;

    DonationsController(Donations donations, Problems problems) {
        this.donations = donations;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String personId, @Nullable @QueryValue String kind,
                         @Nullable @QueryValue Integer year, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        UUID person = personId == null ? null : Ids.parse(personId).orElse(new UUID(0, 0));
        return problems.ok(request, donations.list(actor, person, kind, year, PageRequest.of(page, size)));
    }

    @Capable(Capability.GIVING_WRITE)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body Donations.DonationRequest body) {
        return problems.created(request, donations.create(actor, body), d -> URI.create("/api/v1/donations/" + d.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> donations.get(actor, uuid)));
    }
}
