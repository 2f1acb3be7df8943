package org.tomoni.platform.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.ui.server.VaadinServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer of the UI port (sign-in page, public pages, the donor's link, the bundle, a missing
 * path) carries the security headers, and none names the server. That the policy lets Vaadin work
 * is shown by the browser journeys, which fail on any reported violation.
 */
@MicronautTest(transactional = false)
class UiSecurityHeadersIT extends PlatformTest {
    private final HttpClient http = HttpClient.newHttpClient();
    @Inject
    VaadinServer ui;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @Test
    void every_answer_of_the_ui_port_carries_the_security_headers_and_no_server_header() throws Exception {
        for (String path : List.of("/login", "/", "/public/no-such-org/donate", "/public/gift/some-token", "/VAADIN/no-such-file.js",
            "/no/such/path", "/sw.js")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + ui.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
            String what = path + " answered " + r.statusCode();
            assertThat(r.headers().firstValue("content-security-policy")).as(what).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("frame-ancestors 'none'").contains("object-src 'none'")
                .contains("base-uri 'self'").contains("form-action 'self'"));
            assertThat(r.headers().firstValue("x-frame-options")).as(what).contains("DENY");
            assertThat(r.headers().firstValue("x-content-type-options")).as(what).contains("nosniff");
            assertThat(r.headers().firstValue("referrer-policy")).as(what).contains("no-referrer");
            assertThat(r.headers().map()).as(what).doesNotContainKey("server").doesNotContainKey("x-powered-by");
        }
    }
}
