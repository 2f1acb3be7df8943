package org.tomoni.platform.members;

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
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.IfMatch;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;
import java.util.List;

/** People of the caller's tenant. */
@Controller("/api/v1/people")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "people")
class PeopleController {
    private final People people;
    private final Problems problems;

    PeopleController(People people, Problems problems) {
        this.people = people;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> search(HttpRequest<?> request, Actor actor, @Nullable @QueryValue String q,
                           @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, people.search(actor, q, PageRequest.of(page, size)));
    }

    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body PersonRequest body) {
        return problems.created(request, people.create(actor, body), p -> URI.create("/api/v1/people/" + p.id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> people.get(actor, uuid)));
    }

    @Put("/{id}")
    HttpResponse<?> update(HttpRequest<?> request, Actor actor, @PathVariable String id,
                           @Nullable @Header("If-Match") String ifMatch, @Body PersonRequest body) {
        var version = IfMatch.version(ifMatch);
        if (version.isEmpty()) {
            return problems.of(request, ErrorCode.PRECONDITION_REQUIRED, List.of());
        }
        return problems.ok(request, Ids.withId(id, uuid -> people.update(actor, uuid, version.getAsLong(), body)));
    }

    @Delete("/{id}")
    HttpResponse<?> archive(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.noContent(request, Ids.withId(id, uuid -> people.archive(actor, uuid)));
    }

}
