package org.tomoni.platform.ui;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The admin UI's port. Until the Vaadin screens land it serves a placeholder page in Japanese
 * that points to the API.
 */
@Context
@Requires(property = "platform.ui.enabled", value = "true")
public class UiServer {
    private static final Logger LOG = LoggerFactory.getLogger(UiServer.class);
    private final HttpServer server;

    UiServer(@Value("${platform.ui.port:8081}") int port, @Value("${micronaut.server.port:8080}") int apiPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the UI port " + port, e);
        }
        byte[] page = ("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>ともに Tomoni</title></head>"
            + "<body><h1>ともに — Tomoni</h1><p>管理画面は準備中です。API は <a href=\"http://localhost:" + apiPort
            + "/swagger-ui/index.html\">Swagger UI</a> からお試しください。</p></body></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        LOG.info("Admin UI on http://localhost:{}/", port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @PreDestroy
    void stop() {
        server.stop(0);
    }
}
