package org.tomoni.platform.shared;

import io.micronaut.core.type.Argument;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arguments every route binds the same way, walked over every route the Router knows so that
 * a new route is checked without a change here: a path id that is no UUID is simply not found
 * (404, never a 400 that tells it apart from another tenant's id), and a versioned update without
 * a usable If-Match answers 428 before anything is read.
 */
@MicronautTest(transactional = false)
class RouteArgumentsIT extends PlatformTest {
    @Inject
    Router router;
    TestTenant t;

    @BeforeAll
    void tenant() {
        t = tenants().create("route-args", "membership_organization");
    }

    @Test
    void every_path_id_that_is_no_uuid_answers_not_found_as_problem_json() {
        List<String> checked = new ArrayList<>();
        apiRoutes().filter(r -> r.getUriMatchTemplate().toPathString().contains("{id}"))
            .filter(r -> !r.getUriMatchTemplate().toPathString().startsWith("/api/v1/tenants/"))
            .forEach(route -> {
                String path = route.getUriMatchTemplate().toPathString().replace("{id}", "not-a-uuid").replaceAll("\\{[^}]+}", "pause");
                Object body = hasBody(route) ? Map.of() : null;
                ApiResponse r = api().send(route.getHttpMethodName(), path, t.adminToken(), body, Map.of("If-Match", "\"0\""));
                assertThat(r.status()).as("%s %s: %s", route.getHttpMethodName(), path, r).isEqualTo(404);
                assertThat(r.contentType()).as("%s %s", route.getHttpMethodName(), path).startsWith("application/problem+json");
                assertThat(r.json().get("code").asText()).isEqualTo("not_found");
                checked.add(route.getHttpMethodName() + " " + path);
            });
        assertThat(checked).as("routes with a path id").hasSizeGreaterThan(20);
    }

    @Test
    void every_versioned_update_without_a_usable_if_match_answers_precondition_required() {
        List<String> checked = new ArrayList<>();
        apiRoutes().filter(r -> Arrays.stream(r.getTargetMethod().getArguments())
                .anyMatch(a -> a.getAnnotationMetadata().hasAnnotation(IfMatch.class)))
            .forEach(route -> {
                String path = route.getUriMatchTemplate().toPathString().replace("{id}", Ids.newId().toString());
                for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("If-Match", "*"), Map.of("If-Match", "\"v1\""))) {
                    ApiResponse r = api().send(route.getHttpMethodName(), path, t.adminToken(), Map.of(), headers);
                    assertThat(r.status()).as("%s %s with %s: %s", route.getHttpMethodName(), path, headers, r).isEqualTo(428);
                    assertThat(r.json().get("code").asText()).isEqualTo("precondition_required");
                }
                checked.add(route.getHttpMethodName() + " " + path);
            });
        assertThat(checked).as("versioned updates: people, organisations, branches, types, memberships, relationships, "
            + "affiliations, giving settings").hasSizeGreaterThanOrEqualTo(8);
    }

    private java.util.stream.Stream<UriRouteInfo<?, ?>> apiRoutes() {
        return router.uriRoutes().distinct().filter(r -> r.getUriMatchTemplate().toPathString().startsWith("/api/v1/"))
            .filter(r -> !"HEAD".equals(r.getHttpMethodName()) && !"OPTIONS".equals(r.getHttpMethodName()));
    }

    private static boolean hasBody(UriRouteInfo<?, ?> route) {
        return route.getBodyArgument().map(Argument::getType).filter(t -> t != byte[].class).isPresent();
    }
}
