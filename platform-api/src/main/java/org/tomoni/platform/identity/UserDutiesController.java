package org.tomoni.platform.identity;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.tenancy.CoreRoute;

import java.util.UUID;

/** A user's duties, granted by a tenant admin: {@code {"duties": ["childfund.casework"]}}. */
@CoreRoute
@Capable(Capability.USERS_MANAGE)
@Controller("/api/v1/users/{id}/duties")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class UserDutiesController {
    private final DutyAssignments duties;

    UserDutiesController(DutyAssignments duties) {
        this.duties = duties;
    }

    @Get
    Outcome<DutyAssignments.Duties> get(Actor actor, @PathVariable UUID id) {
        return duties.get(actor, id);
    }

    /** Replaces the user's duties: 400 naming an unknown duty or one of a module the tenant has not enabled. */
    @Put
    Outcome<DutyAssignments.Duties> set(Actor actor, @PathVariable UUID id, @Nullable @Body DutyAssignments.Duties body) {
        return duties.set(actor, id, body);
    }
}
