package org.tomoni.platform.members;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;

@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/branches")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "branches")
class BranchesController {
    private final Branches branches;
    private final Problems problems;

    BranchesController(Branches branches, Problems problems) {
        this.branches = branches;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue Integer page,
                         @Nullable @QueryValue Integer size) {
        return problems.ok(request, branches.list(actor, q, PageRequest.of(page, size)));
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body BranchRequest body) {
        return problems.created(request, branches.create(actor, body), b -> URI.create("/api/v1/branches/" + b.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> branches.get(actor, uuid)));
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Put("/{id}")
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @Header("If-Match") String ifMatch,
                           @Body BranchRequest body) {
        return Routes.update(problems, request, id, ifMatch, (uuid, version) -> branches.update(actor, uuid, version, body));
    }

    @Capable(Capability.MEMBERS_SETTINGS)
    @Delete("/{id}")
    HttpResponse<?> archive(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.noContent(request, Ids.withId(id, uuid -> branches.archive(actor, uuid)));
    }
}
