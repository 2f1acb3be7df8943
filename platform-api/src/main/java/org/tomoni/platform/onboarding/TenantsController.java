package org.tomoni.platform.onboarding;

import org.tomoni.platform.tenancy.CoreRoute;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.Reply;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;

import java.util.UUID;

/** Tenant onboarding and the registry, for the platform operator only. */
@CoreRoute
@Controller("/api/v1/tenants")
@Secured("platform_operator")
@Tag(name = "tenants")
class TenantsController {
    private final TenantOnboarding onboarding;
    private final TenantRegistry registry;

    TenantsController(TenantOnboarding onboarding, TenantRegistry registry) {
        this.onboarding = onboarding;
        this.registry = registry;
    }

    @Post
    Reply<TenantOnboarding.Onboarded> onboard(Actor actor, @Body TenantOnboarding.Request body) {
        return Reply.created(onboarding.onboard(actor, body), o -> "/api/v1/tenants/" + o.tenant().id());
    }

    /** {@code {"enabledModules": ["members", "giving", …]}}: the tenant's modules from now on. */
    @Put("/{id}/modules")
    Outcome<Tenant> modules(Actor actor, @PathVariable UUID id, @Body TenantOnboarding.ModulesRequest body) {
        return onboarding.setModules(actor, id, body);
    }

    @Get
    Outcome<Page<Tenant>> list(Actor actor) {
        if (!actor.has(Role.PLATFORM_OPERATOR)) {
            return Outcome.rejected(ErrorCode.FORBIDDEN);
        }
        var all = registry.all();
        return Outcome.ok(new Page<>(all, all.size(), 0, all.size()));
    }
}
