package org.tomoni.platform.identity;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Problems;

import java.net.URI;

/** A tenant admin's user management. */
@CoreRoute
@Capable(Capability.USERS_MANAGE)
@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class UsersController {
    private final UserManagement users;
    private final Problems problems;

    UsersController(UserManagement users, Problems problems) {
        this.users = users;
        this.problems = problems;
    }

    @Serdeable
    record RoleChange(String role) {
    }

    @Serdeable
    record PasswordReset(@Nullable String password) {
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return problems.ok(request, users.list(actor, PageRequest.of(page, size)));
    }

    @Post
    HttpResponse<?> create(HttpRequest<?> request, Actor actor, @Body UserManagement.NewUser body) {
        return problems.created(request, users.create(actor, body), c -> URI.create("/api/v1/users/" + c.user().id()));
    }

    @Get("/{id}")
    HttpResponse<?> get(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> users.get(actor, uuid)));
    }

    @Post("/{id}/deactivate")
    HttpResponse<?> deactivate(HttpRequest<?> request, Actor actor, @PathVariable String id) {
        return problems.ok(request, Ids.withId(id, uuid -> users.deactivate(actor, uuid)));
    }

    @Put("/{id}/role")
    HttpResponse<?> changeRole(HttpRequest<?> request, Actor actor, @PathVariable String id, @Body RoleChange body) {
        return problems.ok(request, Ids.withId(id, uuid -> users.changeRole(actor, uuid, body.role())));
    }

    @Post("/{id}/password-reset")
    HttpResponse<?> resetPassword(HttpRequest<?> request, Actor actor, @PathVariable String id, @Nullable @Body PasswordReset body) {
        return problems.ok(request, Ids.withId(id, uuid -> users.resetPassword(actor, uuid, body == null ? null : body.password())));
    }

}
