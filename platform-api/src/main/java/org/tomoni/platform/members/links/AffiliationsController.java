package org.tomoni.platform.members.links;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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

@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/affiliations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "affiliations")
class AffiliationsController {
    private final Affiliations affiliations;

    AffiliationsController(Affiliations affiliations) {
        this.affiliations = affiliations;
    }

    @Get
    Outcome<Page<AffiliationView>> list(Actor actor, @Nullable @QueryValue UUID personId, @Nullable @QueryValue UUID organizationId, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return affiliations.list(actor, personId, organizationId, PageRequest.of(page, size));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    Reply<AffiliationView> create(Actor actor, @Body AffiliationRequest body) {
        return Reply.created(affiliations.create(actor, body), v -> "/api/v1/affiliations/" + v.id());
    }

    @Get("/{id}")
    Outcome<AffiliationView> get(Actor actor, @PathVariable UUID id) {
        return affiliations.get(actor, id);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    Outcome<AffiliationView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body AffiliationRequest body) {
        return affiliations.update(actor, id, version, body);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Delete("/{id}")
    Reply<Void> delete(Actor actor, @PathVariable UUID id) {
        return Reply.noContent(affiliations.delete(actor, id));
    }
}
