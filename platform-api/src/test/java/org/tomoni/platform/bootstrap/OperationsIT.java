package org.tomoni.platform.bootstrap;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.ApiResponse;
import org.tomoni.platform.testing.PlatformTest;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an operator and an integrator reach without logging in. */
@MicronautTest(transactional = false)
class OperationsIT extends PlatformTest {

    @Test
    void health_on_the_api_port_says_up_and_nothing_else_without_a_login() {
        ApiResponse r = api().get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(api().get("/health/readiness", null).status()).as("no probe details either").isIn(401, 404);
    }

    @Test
    void the_full_health_report_is_on_the_management_port_only() {
        ApiResponse r = management().get("/health", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("UP");
        assertThat(r.json().get("details").get("jdbc").get("status").asText()).isEqualTo("UP");
        assertThat(r.json().get("details").get("startup").get("status").asText()).isEqualTo("UP");
        assertThat(management().get("/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheus_metrics_are_served_on_the_management_port_and_not_on_the_api_port() {
        api().get("/health", null);
        ApiResponse r = management().get("/prometheus", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
        ApiResponse onApi = api().get("/prometheus", null);
        assertThat(onApi.status()).isIn(401, 404);
        assertThat(onApi.body()).doesNotContain("jvm_memory_used_bytes");
    }

    @Test
    void the_management_port_listens_on_loopback_only() throws Exception {
        InetAddress outside = nonLoopbackAddress();
        int apiPort = server.getPort();
        int managementPort = Integer.parseInt(context.getRequiredProperty("endpoints.all.port", String.class));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(outside, apiPort), 2000);
            assertThat(s.isConnected()).as("the API port answers on " + outside).isTrue();
        }
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(outside, managementPort), 2000);
            }
        }).as("the management port refuses " + outside).isInstanceOf(IOException.class);
    }

    private static InetAddress nonLoopbackAddress() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
            .filter(i -> {
                try {
                    return i.isUp() && !i.isLoopback();
                } catch (SocketException e) {
                    return false;
                }
            })
            .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
            .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
            .findFirst().orElseThrow(() -> new AssertionError("this test needs a non-loopback IPv4 address"));
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
