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
import org.tomoni.platform.shared.CsvResponses;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.util.UUID;

@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/organizations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "organizations")
class OrganizationsController {
    private final Organizations organizations;
    private final MembersCsv csv;
    private final CsvResponses csvResponses;
    private final Problems problems;

    OrganizationsController(Organizations organizations, MembersCsv csv, CsvResponses csvResponses, Problems problems) {
        this.organizations = organizations;
        this.csv = csv;
        this.csvResponses = csvResponses;
        this.problems = problems;
    }

    /** CSV for Excel: encoding=utf-8-bom (default) or windows-31j. */
    @Get("/export")
    HttpResponse<?> export(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String encoding) {
        return csvResponses.export(request, encoding, "organizations.csv", "団体一覧.csv", enc -> csv.organizations(actor, enc));
    }

    @Get
    HttpResponse<?> search(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue UUID branchId,
                           @Nullable @QueryValue String kind, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, organizations.search(actor, q, branchId, kind, PageRequest.of(page, size)));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body OrganizationRequest body) {
        return problems.created(request, organizations.create(actor, body), o -> URI.create("/api/v1/organizations/" + o.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> organizations.get(actor, uuid)));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @Header("If-Match") String ifMatch,
                           @Body OrganizationRequest body) {
        return Routes.update(problems, request, id, ifMatch, (uuid, version) -> organizations.update(actor, uuid, version, body));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Delete("/{id}")
    HttpResponse<?> archive(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.noContent(request, Ids.withId(id, uuid -> organizations.archive(actor, uuid)));
    }
}
