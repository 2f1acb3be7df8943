package org.tomoni.platform.members.people;

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

/** People of the caller's tenant. */
@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/people")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "people")
class PeopleController {
    private final People people;
    private final PeopleCsv csv;

    PeopleController(People people, PeopleCsv csv) {
        this.people = people;
        this.csv = csv;
    }

    /** The people list as CSV for Excel (encoding=utf-8-bom, the default, or windows-31j), same filters as the list. */
    @Get("/export")
    Outcome<Download> export(Actor actor, @Nullable @QueryValue String encoding, @Nullable @QueryValue String q,
                             @Nullable @QueryValue UUID branchId, @Nullable @QueryValue String membershipStatus) {
        PeopleFilter filter = new PeopleFilter(q, branchId, null, null, null, null, membershipStatus, null);
        return CsvDownloads.export(encoding, "people.csv", "会員一覧.csv", enc -> csv.export(actor, enc, filter));
    }

    /** CSV in UTF-8 (with or without BOM) or windows-31j; all rows valid → counts, otherwise 422 and nothing imported. */
    @Capable(Capability.PEOPLE_WRITE)
    @Post(value = "/import", consumes = {"text/csv", "application/octet-stream", "text/plain"})
    Outcome<PeopleCsv.ImportResult> importCsv(Actor actor, @Body byte[] body) {
        return csv.importCsv(actor, body);
    }

    /** Filters: q (names, readings, e-mail, phone, member number), branchId, flags, membershipStatus; archived=true lists the archived people. */
    @Get
    Outcome<Page<PersonView>> search(Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue UUID branchId,
                                     @Nullable @QueryValue Boolean newsletterConsent, @Nullable @QueryValue Boolean noPostalMail,
                                     @Nullable @QueryValue Boolean noEmail, @Nullable @QueryValue Boolean deceased,
                                     @Nullable @QueryValue String membershipStatus, @Nullable @QueryValue Boolean archived,
                                     @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return people.search(actor, new PeopleFilter(q, branchId, newsletterConsent, noPostalMail, noEmail, deceased, membershipStatus, archived),
            PageRequest.of(page, size));
    }

    /** Pairs of likely duplicates (same reading and birth date, same e-mail, same phone). */
    @Get("/duplicates")
    Outcome<Page<DuplicatePair>> duplicates(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        PageRequest p = PageRequest.of(page, size);
        return people.duplicatePairs(actor, p).map(items -> new Page<>(items, items.size(), p.page(), p.size()));
    }

    /** Body {"duplicateId"}: the duplicate's references move to this person, the duplicate is archived. */
    @Capable(Capability.PEOPLE_WRITE)
    @Post("/{id}/merge")
    Outcome<PersonView> merge(Actor actor, @PathVariable UUID id, @Body MergeRequest body) {
        return people.merge(actor, id, body.duplicateId());
    }

    @Serdeable
    record MergeRequest(@Nullable String duplicateId) {
    }

    /** Body {"duplicateId"}: the two are not the same person; the pair leaves the duplicates list. 204. */
    @Capable(Capability.PEOPLE_WRITE)
    @Post("/{id}/not-duplicate")
    Reply<Void> notDuplicate(Actor actor, @PathVariable UUID id, @Body MergeRequest body) {
        return Reply.noContent(people.markNotDuplicate(actor, id, body.duplicateId()));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    Reply<PersonView> create(Actor actor, @Body PersonRequest body) {
        return Reply.created(people.create(actor, body), p -> "/api/v1/people/" + p.id());
    }

    @Get("/{id}")
    Outcome<PersonView> get(Actor actor, @PathVariable UUID id) {
        return people.get(actor, id);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    Outcome<PersonView> update(Actor actor, @PathVariable UUID id, @IfMatch long version, @Body PersonRequest body) {
        return people.update(actor, id, version, body);
    }

    /** Brings an archived person back to the lists (not one merged into another). */
    @Capable(Capability.PEOPLE_WRITE)
    @Post("/{id}/restore")
    Outcome<PersonView> restore(Actor actor, @PathVariable UUID id) {
        return people.restore(actor, id);
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Delete("/{id}")
    Reply<Void> archive(Actor actor, @PathVariable UUID id) {
        return Reply.noContent(people.archive(actor, id));
    }
}
