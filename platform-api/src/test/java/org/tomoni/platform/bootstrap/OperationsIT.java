package org.tomoni.platform.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator and an integrator reach without logging in. */
@MicronautTest(transactional = false)
class OperationsIT extends PlatformTest {

    @Test
    void health_is_up_once_the_database_answers_without_a_login() {
        ApiResponse r = api().get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
        assertThat(r.json().get("details").get("jdbc").get("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_are_served() {
        api().get("/health", null);
        ApiResponse r = api().get("/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void the_openapi_document_and_an_offline_swagger_ui_are_served() {
        ApiResponse spec = api().get("/swagger/tomoni-platform-api-v1.yml", null);
        assertThat(spec.status()).isEqualTo(200);
        assertThat(spec.body()).contains("/api/v1/people/{id}").contains("/api/v1/auth/login").contains("/api/v1/tenants");
        ApiResponse ui = api().get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui").doesNotContain("unpkg.com").doesNotContain("cdn.");
        assertThat(api().get("/swagger-ui/res/swagger-ui-bundle.js", null).status()).isEqualTo(200);
    }

    @Test
    void unknown_routes_answer_a_problem_not_a_stack_trace() {
        ApiResponse r = api().get("/api/v1/nothing-here", null);
        assertThat(r.status()).isIn(401, 404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
