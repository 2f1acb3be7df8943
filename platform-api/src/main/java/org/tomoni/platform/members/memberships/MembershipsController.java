package org.tomoni.platform.members.memberships;

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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
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
@Controller("/api/v1/memberships")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "memberships")
class MembershipsController {
    private final Memberships memberships;
    private final MembersCsv csv;

    MembershipsController(Memberships memberships, MembersCsv csv) {
        this.memberships = memberships;
        this.csv = csv;
    }

    /** CSV for Excel: encoding=utf-8-bom (default) or windows-31j. */
    @Get("/export")
    Outcome<Download> export(Actor actor, @Nullable @QueryValue String encoding, @Nullable @QueryValue String status) {
        return CsvDownloads.export(encoding, "memberships.csv", "会員資格一覧.csv", enc -> csv.memberships(actor, enc, status));
    }

    @Serdeable
    record EndRequest(@Nullable String endsOn) {
    }

    @Get
    Outcome<Page<MembershipView>> list(Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue String status,
                                       @Nullable @QueryValue UUID typeId, @Nullable @QueryValue UUID personId,
                                       @Nullable @QueryValue UUID organizationId, @Nullable @QueryValue Integer page,
                                       @Nullable @QueryValue Integer size) {
        return memberships.list(actor, q, status, typeId, personId, organizationId, PageRequest.of(page, size));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    Reply<MembershipView> create(Actor actor, @Body MembershipRequest body) {
        return Reply.created(memberships.create(actor, body), m -> "/api/v1/memberships/" + m.id());
    }

    @Get("/{id}")
    Outcome<MembershipView> get(Actor actor, @PathVariable UUID id) {
        return memberships.get(actor, id);
    }

    /** Units, start date, or status active ⇄ lapsed. */
    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    Outcome<MembershipView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body MembershipRequest body) {
        return memberships.update(actor, id, version, body);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post("/{id}/end")
    Outcome<MembershipView> end(Actor actor, @PathVariable UUID id, @Nullable @Body EndRequest body) {
        return memberships.end(actor, id, body == null ? null : body.endsOn());
    }

    /**
     * Dues owed per period between {@code from} and {@code to} (YYYY-MM, inclusive); by default the
     * tenant's current fiscal year (its fiscalYearStartMonth) as of today.
     */
    @Get("/{id}/dues")
    Outcome<Page<Dues.Line>> dues(Actor actor, @PathVariable UUID id, @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        return memberships.dues(actor, id, from, to).map(lines -> new Page<>(lines, lines.size(), 0, lines.size()));
    }
}
