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
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

/** Recurring gifts as staff enter and manage them. */
@ModuleRoute(Module.GIVING)
@Capable(Capability.GIVING_READ)
@Controller("/api/v1/recurring-gifts")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "giving")
class RecurringGiftsController {
    private final RecurringGifts gifts;

    RecurringGiftsController(RecurringGifts gifts) {
        this.gifts = gifts;
    }

    @Get
    Outcome<Page<RecurringGifts.GiftView>> list(Actor actor, @Nullable @QueryValue String status, @Nullable @QueryValue Integer page,
                                                @Nullable @QueryValue Integer size) {
        return gifts.list(actor, status, PageRequest.of(page, size));
    }

    @Capable(Capability.GIVING_WRITE)
    @Post
    Reply<RecurringGifts.GiftView> create(Actor actor, @Body RecurringGifts.GiftRequest body) {
        return Reply.created(gifts.create(actor, body), g -> "/api/v1/recurring-gifts/" + g.id());
    }

    @Get("/{id}")
    Outcome<RecurringGifts.GiftView> get(Actor actor, @PathVariable UUID id) {
        return gifts.get(actor, id);
    }

    /** {@code action}: pause, resume or cancel. */
    @Capable(Capability.GIVING_WRITE)
    @Post("/{id}/{action}")
    Outcome<RecurringGifts.GiftView> change(Actor actor, @PathVariable UUID id, @PathVariable String action) {
        return gifts.change(actor, id, action);
    }
}
