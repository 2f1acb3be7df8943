package org.tomoni.platform.members.branches;

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
@Controller("/api/v1/branches")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "branches")
class BranchesController {
    private final Branches branches;

    BranchesController(Branches branches) {
        this.branches = branches;
    }

    @Get
    Outcome<Page<BranchView>> list(Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return branches.list(actor, q, PageRequest.of(page, size));
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Post
    Reply<BranchView> create(Actor actor, @Body BranchRequest body) {
        return Reply.created(branches.create(actor, body), v -> "/api/v1/branches/" + v.id());
    }

    @Get("/{id}")
    Outcome<BranchView> get(Actor actor, @PathVariable UUID id) {
        return branches.get(actor, id);
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Put("/{id}")
    Outcome<BranchView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body BranchRequest body) {
        return branches.update(actor, id, version, body);
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Delete("/{id}")
    Reply<Void> archive(Actor actor, @PathVariable UUID id) {
        return Reply.noContent(branches.archive(actor, id));
    }
}
