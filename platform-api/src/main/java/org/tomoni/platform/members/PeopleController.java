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
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.util.UUID;

/** People of the caller's tenant. */
@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/people")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "people")
class PeopleController {
    private final People people;
    private final PeopleCsv csv;
    private final CsvResponses csvResponses;
    private final Problems problems;

    PeopleController(People people, PeopleCsv csv, CsvResponses csvResponses, Problems problems) {
        this.people = people;
        this.csv = csv;
        this.csvResponses = csvResponses;
        this.problems = problems;
    }

    /** The people list as CSV for Excel (encoding=utf-8-bom, the default, or windows-31j), same filters as the list. */
    @Get("/export")
    HttpResponse<?> export(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String encoding, @Nullable @QueryValue String q,
                           @Nullable @QueryValue UUID branchId, @Nullable @QueryValue String membershipStatus) {
        PeopleFilter filter = new PeopleFilter(q, branchId, null, null, null, null, membershipStatus);
        return csvResponses.export(request, encoding, "people.csv", "会員一覧.csv", enc -> csv.export(actor, enc, filter));
    }

    /** CSV in UTF-8 (with or without BOM) or windows-31j; all rows valid → counts, otherwise 422 and nothing imported. */
    @Capable(Capability.PEOPLE_WRITE)
    @Post(value = "/import", consumes = {"text/csv", "application/octet-stream", "text/plain"})
    HttpResponse<?> importCsv(HttpRequest<?> request, Actor actor, @Body byte[] body) {
        return problems.ok(request, csv.importCsv(actor, body));
    }

    /** Filters: q (names, readings, e-mail, phone, member number), branchId, flags, membershipStatus. */
    @Get
    HttpResponse<?> search(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue UUID branchId,
                           @Nullable @QueryValue Boolean newsletterConsent, @Nullable @QueryValue Boolean noPostalMail,
                           @Nullable @QueryValue Boolean noEmail, @Nullable @QueryValue Boolean deceased,
                           @Nullable @QueryValue String membershipStatus,
                           @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, people.search(actor, new PeopleFilter(q, branchId, newsletterConsent, noPostalMail, noEmail, deceased,
            membershipStatus), PageRequest.of(page, size)));
    }

    /** Pairs of likely duplicates (same reading and birth date, same e-mail, same phone). */
    @Get("/duplicates")
    HttpResponse<?> duplicates(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        PageRequest p = PageRequest.of(page, size);
        return problems.ok(request, people.duplicatePairs(actor, p).map(items -> new Page<>(items, items.size(), p.page(), p.size())));
    }

    /** Body {"duplicateId"}: the duplicate's references move to this person, the duplicate is archived. */
    @Capable(Capability.PEOPLE_WRITE)
    @Post("/{id}/merge")
    HttpResponse<?> merge(HttpRequest<?> request, Actor actor, @PathVariable String id, @Body MergeRequest body) {
        return problems.ok(request, Ids.withId(id, uuid -> people.merge(actor, uuid, body.duplicateId())));
    }

    @io.micronaut.serde.annotation.Serdeable
    record MergeRequest(@Nullable String duplicateId) {
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body PersonRequest body) {
        return problems.created(request, people.create(actor, body), p -> URI.create("/api/v1/people/" + p.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> people.get(actor, uuid)));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @PathVariable String id,
                           @Nullable @Header("If-Match") String ifMatch, @Body PersonRequest body) {
        return Routes.update(problems, request, id, ifMatch, (uuid, version) -> people.update(actor, uuid, version, body));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Delete("/{id}")
    HttpResponse<?> archive(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.noContent(request, Ids.withId(id, uuid -> people.archive(actor, uuid)));
    }

}
