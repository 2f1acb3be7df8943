package org.tomoni.platform.identity;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Problems;
import org.tomoni.platform.tenancy.CoreRoute;

/** A user's duties, granted by a tenant admin: {@code {"duties": ["childfund.casework"]}}. */
@CoreRoute
@Capable(Capability.USERS_MANAGE)
@Controller("/api/v1/users/{id}/duties")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class UserDutiesController {
    private final DutyAssignments duties;
    private final Problems problems;

    UserDutiesController(DutyAssignments duties, Problems problems) {
        this.duties = duties;
        this.problems = problems;
    }

    @Get
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> duties.get(actor, uuid)));
    }

    @Put
    HttpResponse<?> set(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @Body DutyAssignments.Duties body) {
        return problems.ok(request, Ids.withId(id, uuid -> duties.set(actor, uuid, body)));
    }
}
