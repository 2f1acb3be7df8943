package org.tomoni.platform.members.organizations;

import org.tomoni.platform.members.memberships.MembersCsv;

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
import org.tomoni.platform.shared.CsvDownloads;
import org.tomoni.platform.shared.Download;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/organizations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "organizations")
class OrganizationsController {
    private final Organizations organizations;
    private final MembersCsv csv;

    OrganizationsController(Organizations organizations, MembersCsv csv) {
        this.organizations = organizations;
        this.csv = csv;
    }

    /** CSV for Excel: encoding=utf-8-bom (default) or windows-31j. */
    @Get("/export")
    Outcome<Download> export(Actor actor, @Nullable @QueryValue String encoding) {
        return CsvDownloads.export(encoding, "organizations.csv", "団体一覧.csv", enc -> csv.organizations(actor, enc));
    }

    @Get
    Outcome<Page<OrganizationView>> list(Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue UUID branchId,
                                        @Nullable @QueryValue String kind, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return organizations.search(actor, q, branchId, kind, PageRequest.of(page, size));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    Reply<OrganizationView> create(Actor actor, @Body OrganizationRequest body) {
        return Reply.created(organizations.create(actor, body), v -> "/api/v1/organizations/" + v.id());
    }

    @Get("/{id}")
    Outcome<OrganizationView> get(Actor actor, @PathVariable UUID id) {
        return organizations.get(actor, id);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    Outcome<OrganizationView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body OrganizationRequest body) {
        return organizations.update(actor, id, version, body);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Delete("/{id}")
    Reply<Void> archive(Actor actor, @PathVariable UUID id) {
        return Reply.noContent(organizations.archive(actor, id));
    }
}
