package org.tomoni.platform.members.memberships;

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
@Controller("/api/v1/membership-types")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "membership-types")
class MembershipTypesController {
    private final MembershipTypes types;

    MembershipTypesController(MembershipTypes types) {
        this.types = types;
    }

    @Get
    Outcome<Page<MembershipTypeView>> list(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return types.list(actor, PageRequest.of(page, size));
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Post
    Reply<MembershipTypeView> create(Actor actor, @Body MembershipTypeRequest body) {
        return Reply.created(types.create(actor, body), v -> "/api/v1/membership-types/" + v.id());
    }

    @Get("/{id}")
    Outcome<MembershipTypeView> get(Actor actor, @PathVariable UUID id) {
        return types.get(actor, id);
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Put("/{id}")
    Outcome<MembershipTypeView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body MembershipTypeRequest body) {
        return types.update(actor, id, version, body);
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Delete("/{id}")
    Reply<Void> archive(Actor actor, @PathVariable UUID id) {
        return Reply.noContent(types.archive(actor, id));
    }
}
