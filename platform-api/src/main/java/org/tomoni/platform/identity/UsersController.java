package org.tomoni.platform.identity;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
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
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.shared.Reply;

import java.util.UUID;

/** A tenant admin's user management. */
@CoreRoute
@Capable(Capability.USERS_MANAGE)
@Controller("/api/v1/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "users")
class UsersController {
    private final UserManagement users;

    UsersController(UserManagement users) {
        this.users = users;
    }

    @Serdeable
    record RoleChange(String role) {
    }

    /** {@code email} null or blank clears it. */
    @Serdeable
    record EmailChange(@Nullable String email) {
    }

    @Serdeable
    record PasswordReset(@Nullable String password) {
    }

    @Get
    Outcome<Page<UserView>> list(Actor actor, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return users.list(actor, PageRequest.of(page, size));
    }

    @Post
    Reply<UserManagement.WithPassword> create(Actor actor, @Body UserManagement.NewUser body) {
        return Reply.created(users.create(actor, body), c -> "/api/v1/users/" + c.user().id());
    }

    @Get("/{id}")
    Outcome<UserView> get(Actor actor, @PathVariable UUID id) {
        return users.get(actor, id);
    }

    @Post("/{id}/deactivate")
    Outcome<UserView> deactivate(Actor actor, @PathVariable UUID id) {
        return users.deactivate(actor, id);
    }

    @Post("/{id}/reactivate")
    Outcome<UserView> reactivate(Actor actor, @PathVariable UUID id) {
        return users.reactivate(actor, id);
    }

    @Put("/{id}/role")
    Outcome<UserView> changeRole(Actor actor, @PathVariable UUID id, @Body RoleChange body) {
        return users.changeRole(actor, id, body.role());
    }

    @Put("/{id}/email")
    Outcome<UserView> changeEmail(Actor actor, @PathVariable UUID id, @Body EmailChange body) {
        return users.changeEmail(actor, id, body.email());
    }

    @Post("/{id}/password-reset")
    Outcome<UserManagement.WithPassword> resetPassword(Actor actor, @PathVariable UUID id, @Nullable @Body PasswordReset body) {
        return users.resetPassword(actor, id, body == null ? null : body.password());
    }
}
