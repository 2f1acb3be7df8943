package org.tomoni.platform.ui;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.PlatformTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The UI port answers beside the API, in the same JVM. */
@MicronautTest(transactional = false)
class UiServerIT extends PlatformTest {
    @Inject
    UiServer ui;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @Test
    void the_ui_port_serves_a_japanese_page_while_the_api_answers_in_the_same_jvm() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + ui.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ともに");
        assertThat(api().get("/health", null).status()).isEqualTo(200);
    }
}
