package org.tomoni.platform.access;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.tenancy.CoreRoute;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.ModuleRoute;
import org.tomoni.platform.testing.PlatformTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of the platform, as the Router knows it, declares the capability it needs with
 * {@link Capable} (public ones too), and that capability belongs to the route's module.
 */
@MicronautTest(transactional = false)
class RouteCapabilitiesIT extends PlatformTest {
    @Inject
    Router router;

    private List<UriRouteInfo<?, ?>> platformRoutes() {
        List<UriRouteInfo<?, ?>> routes = new ArrayList<>();
        router.uriRoutes().distinct().filter(r -> !"HEAD".equals(r.getHttpMethodName()))
            .filter(r -> r.getTargetMethod().getDeclaringType().getName().startsWith("org.tomoni.platform."))
            .forEach(routes::add);
        return routes;
    }

    private static String name(UriRouteInfo<?, ?> r) {
        return r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString();
    }

    private static Optional<Capability> declared(UriRouteInfo<?, ?> r) {
        return r.getAnnotationMetadata().enumValue(Capable.class, Capability.class);
    }

    @Test
    void every_route_declares_the_capability_it_needs() {
        List<UriRouteInfo<?, ?>> routes = platformRoutes();
        assertThat(routes).as("the walker finds the routes").hasSizeGreaterThan(50);
        List<String> undeclared = routes.stream().filter(r -> declared(r).isEmpty()).map(RouteCapabilitiesIT::name).toList();
        assertThat(undeclared).as("routes without @Capable").isEmpty();
        assertThat(routes.stream().map(RouteCapabilitiesIT::name)).contains("PUT /api/v1/users/{id}/duties", "POST /api/v1/auth/login");
    }

    @Test
    void a_routes_capability_belongs_to_the_routes_module() {
        List<String> mismatched = new ArrayList<>();
        for (UriRouteInfo<?, ?> r : platformRoutes()) {
            if (!r.getUriMatchTemplate().toPathString().startsWith("/api/") || declared(r).isEmpty()) {
                continue;
            }
            Optional<Module> routeModule = r.getAnnotationMetadata().enumValue(ModuleRoute.class, Module.class);
            Optional<Module> capabilityModule = declared(r).get().module();
            boolean core = r.getAnnotationMetadata().hasAnnotation(CoreRoute.class);
            if (core ? capabilityModule.isPresent() : !capabilityModule.equals(routeModule)) {
                mismatched.add(name(r) + ": route " + routeModule.map(Module::code).orElse("core") + ", capability "
                    + declared(r).get().code());
            }
        }
        assertThat(mismatched).isEmpty();
    }
}
