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
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.CsvResponses;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

@ModuleRoute(Module.MEMBERS)
@Capable(Capability.PEOPLE_READ)
@Controller("/api/v1/memberships")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "memberships")
class MembershipsController {
    private final Memberships memberships;
    private final MembersCsv csv;
    private final CsvResponses csvResponses;
    private final Problems problems;

    MembershipsController(Memberships memberships, MembersCsv csv, CsvResponses csvResponses, Problems problems) {
        this.memberships = memberships;
        this.csv = csv;
        this.csvResponses = csvResponses;
        this.problems = problems;
    }

    /** CSV for Excel: encoding=utf-8-bom (default) or windows-31j. */
    @Get("/export")
    HttpResponse<?> export(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String encoding, @Nullable @QueryValue String status) {
        return csvResponses.export(request, encoding, "memberships.csv", "会員資格一覧.csv", enc -> csv.memberships(actor, enc, status));
    }

    @Serdeable
    record EndRequest(@Nullable String endsOn) {
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String q, @Nullable @QueryValue String status,
                         @Nullable @QueryValue UUID typeId, @Nullable @QueryValue UUID personId, @Nullable @QueryValue UUID organizationId,
                         @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, memberships.list(actor, q, status, typeId, personId, organizationId, PageRequest.of(page, size)));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body MembershipRequest body) {
        return problems.created(request, memberships.create(actor, body), m -> URI.create("/api/v1/memberships/" + m.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> memberships.get(actor, uuid)));
    }

    /** Units, start date, or status active ⇄ lapsed. */
    @Capable(Capability.PEOPLE_WRITE)
    @Put("/{id}")
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @Header("If-Match") String ifMatch,
                           @Body MembershipRequest body) {
        return Routes.update(problems, request, id, ifMatch, (uuid, version) -> memberships.update(actor, uuid, version, body));
    }

    @Capable(Capability.PEOPLE_WRITE)
    @Post("/{id}/end")
    HttpResponse<?> end(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @Body EndRequest body) {
        return problems.ok(request, Ids.withId(id, uuid -> memberships.end(actor, uuid, body == null ? null : body.endsOn())));
    }

    /** Dues owed per period between {@code from} and {@code to} (YYYY-MM, inclusive; the current fiscal year by default). */
    @Get("/{id}/dues")
    HttpResponse<?> dues(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to) {
        YearMonth now = YearMonth.now(java.time.ZoneId.of("Asia/Tokyo"));
        YearMonth start;
        YearMonth end;
        try {
            start = from == null ? now.withMonth(1) : YearMonth.parse(from);
            end = to == null ? start.plusMonths(11) : YearMonth.parse(to);
        } catch (DateTimeParseException e) {
            return problems.ok(request, Outcome.invalid(List.of(FieldError.of(from != null ? "from" : "to", "month"))));
        }
        if (end.isBefore(start) || start.plusYears(10).isBefore(end)) {
            return problems.ok(request, Outcome.invalid(List.of(FieldError.of("to", "month"))));
        }
        return problems.ok(request, Ids.withId(id, uuid -> memberships.dues(actor, uuid, start, end)
            .map(lines -> new Page<>(lines, lines.size(), 0, lines.size()))));
    }
}
