package org.tomoni.platform.tenancy;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Problems;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Enabled modules, enforced once at the edge for every API route: a route declared
 * {@link ModuleRoute} answers 404, with the same body as an unknown route or a missing id, when
 * the caller's tenant does not have that module. The tenant is the verified token's, or, on an
 * anonymous public route, the one its {@code tenantSlug} (or a {@link PublicRouteTenants}
 * resolver) names. Runs after authentication; a request with no tenant passes on to the route,
 * which refuses it for its own reasons.
 */
@ServerFilter("/api/v1/**")
class ModuleFilter implements Ordered {
    private final TenantRegistry tenants;
    private final Problems problems;
    private final List<PublicRouteTenants> resolvers;

    ModuleFilter(TenantRegistry tenants, Problems problems, List<PublicRouteTenants> resolvers) {
        this.tenants = tenants;
        this.problems = problems;
        this.resolvers = resolvers;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        Optional<RouteMatch<?>> match = RouteAttributes.getRouteMatch(request);
        if (match.isEmpty()) {
            return null;
        }
        Optional<Module> module = moduleOf(match.get());
        if (module.isEmpty()) {
            return null;
        }
        Optional<Tenant> tenant = tenantOf(request, match.get().getVariableValues());
        if (tenant.isEmpty() || tenant.get().settings().enables(module.get())) {
            return null;
        }
        return problems.of(request, ErrorCode.NOT_FOUND, List.of());
    }

    /** The module a route is declared to belong to (method before class). */
    static Optional<Module> moduleOf(AnnotationMetadata metadata) {
        return metadata.enumValue(ModuleRoute.class, Module.class);
    }

    static Optional<Module> moduleOf(RouteMatch<?> match) {
        return moduleOf(match.getRouteInfo().getAnnotationMetadata());
    }

    /**
     * The tenant whose module is asked for: the one a public route names (its slug or a donor
     * link), else the verified token's. A public route is judged by the tenant it serves, even
     * when a signed-in user of another tenant sends a token along.
     */
    private Optional<Tenant> tenantOf(HttpRequest<?> request, Map<String, Object> variables) {
        Object slug = variables.get("tenantSlug");
        if (slug != null) {
            return tenants.findBySlug(slug.toString());
        }
        for (Map.Entry<String, Object> v : variables.entrySet()) {
            for (PublicRouteTenants r : resolvers) {
                Optional<UUID> id = r.tenantOf(v.getKey(), v.getValue());
                if (id.isPresent()) {
                    return tenants.findById(id.get());
                }
            }
        }
        return request.getUserPrincipal(Authentication.class)
            .flatMap(auth -> Optional.ofNullable(auth.getAttributes().get("tenant_id")))
            .map(Object::toString).flatMap(Ids::parse).flatMap(tenants::findById);
    }
}
