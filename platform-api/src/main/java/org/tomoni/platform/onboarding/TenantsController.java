package org.tomoni.platform.onboarding;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;

import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.Reply;
import org.tomoni.platform.tenancy.Tenant;
import java.util.UUID;

/** Tenant onboarding and the registry, for the platform operator only. */
@CoreRoute
@Capable(Capability.TENANTS_ONBOARD)
@Controller("/api/v1/tenants")
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "tenants")
class TenantsController {
    private final TenantOnboarding onboarding;

    TenantsController(TenantOnboarding onboarding) {
        this.onboarding = onboarding;
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
        return onboarding.tenants(actor);
    }
}
