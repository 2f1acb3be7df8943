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

/** Recurring gifts as staff enter and manage them. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/recurring-gifts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class RecurringGiftsController {
    private final RecurringGifts gifts;
    private final Problems problems;

    RecurringGiftsController(RecurringGifts gifts, Problems problems) {
        this.gifts = gifts;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String status, @Nullable @QueryValue Integer page,
                         @Nullable @QueryValue Integer size) {
        return problems.ok(request, gifts.list(actor, status, PageRequest.of(page, size)));
    }

    @Capable(Capability.GIVING_WRITE)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body RecurringGifts.GiftRequest body) {
        return problems.created(request, gifts.create(actor, body), g -> URI.create("/api/v1/recurring-gifts/" + g.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> gifts.get(actor, uuid)));
    }

    /** {@code action}: pause, resume or cancel. */
    @Capable(Capability.GIVING_WRITE)
    @Post("/{id}/{action}")
    HttpResponse<?> change(HttpRequest<?> request, Actor actor, @PathVariable String id, @PathVariable String action) {
        return problems.ok(request, Ids.withId(id, uuid -> gifts.change(actor, uuid, action)));
    }
}
