package org.tomoni.platform.onboarding;

import org.tomoni.platform.access.Capability;
import org.tomoni.platform.access.Capable;
import org.tomoni.platform.tenancy.CoreRoute;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Problems;
import org.tomoni.platform.tenancy.TenantRegistry;

import java.net.URI;

/** Tenant onboarding and the registry, for the platform operator only. */
@CoreRoute
@Capable(Capability.TENANTS_ONBOARD)
@Controller("/api/v1/tenants")
@Secured("platform_operator")
@Tag(name = "tenants")
class TenantsController {
    private final TenantOnboarding onboarding;
    private final TenantRegistry registry;
    private final Problems problems;

    TenantsController(TenantOnboarding onboarding, TenantRegistry registry, Problems problems) {
        this.onboarding = onboarding;
        this.registry = registry;
        this.problems = problems;
    }

    @Post
    HttpResponse<?> onboard(HttpRequest<?> request, Actor actor, @Body TenantOnboarding.Request body) {
        return problems.created(request, onboarding.onboard(actor, body), o -> URI.create("/api/v1/tenants/" + o.tenant().id()));
    }

    /** {@code {"enabledModules": ["members", "giving", …]}}: the tenant's modules from now on. */
    @Put("/{id}/modules")
    HttpResponse<?> modules(HttpRequest<?> request, Actor actor, @PathVariable String id, @Body TenantOnboarding.ModulesRequest body) {
        return problems.ok(request, Ids.withId(id, tenantId -> onboarding.setModules(actor, tenantId, body)));
    }

    @Get
    HttpResponse<?> list(HttpRequest<?> request, Actor actor) {
        return problems.ok(request, onboarding.tenants(actor));
    }
}
