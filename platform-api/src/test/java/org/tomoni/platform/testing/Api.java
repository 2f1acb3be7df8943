package org.tomoni.platform.testing;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A plain HTTP client for the API (never throws on 4xx/5xx, so tests assert on statuses). */
public final class Api {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;

    public Api(URI base) {
        this.base = base;
    }

    public ApiResponse get(String path, String token) {
        return send("GET", path, token, null, Map.of());
    }

    public ApiResponse post(String path, String token, Object body) {
        return send("POST", path, token, body, Map.of());
    }

    public ApiResponse put(String path, String token, Object body, Map<String, String> headers) {
        return send("PUT", path, token, body, headers);
    }

    public ApiResponse delete(String path, String token) {
        return send("DELETE", path, token, null, Map.of());
    }

    public ApiResponse send(String method, String path, String token, Object body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            headers.forEach(b::header);
            if (body != null) {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The response body as bytes (files). */
    public Bytes bytes(String path, String token) {
        return raw("GET", path, token, null, null);
    }

    /** Sends the bytes as the body, e.g. an uploaded file. */
    public ApiResponse upload(String path, String token, byte[] body, String contentType) {
        Bytes r = raw("POST", path, token, body, contentType);
        return new ApiResponse(r.status(), r.headers(), new String(r.body(), StandardCharsets.UTF_8));
    }

    public record Bytes(int status, java.net.http.HttpHeaders headers, byte[] body) {
    }

    private Bytes raw(String method, String path, String token, byte[] body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (body != null) {
                b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                b.method(method, HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Bytes(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String login(String tenant, String username, String password) {
        ApiResponse r = post("/api/v1/auth/login", null, tenant == null
            ? Map.of("username", username, "password", password)
            : Map.of("tenant", tenant, "username", username, "password", password));
        if (r.status() != 200) {
            throw new AssertionError("login of " + username + "@" + tenant + " failed: " + r);
        }
        return r.json().get("access_token").asText();
    }

    /** A first sign-in with a temporary password: the password is changed to {@link TestTenants#PASSWORD}, then a working token. */
    public String firstLogin(String tenant, String username, String temporary) {
        ApiResponse changed = post("/api/v1/auth/password", login(tenant, username, temporary),
            Map.of("currentPassword", temporary, "newPassword", TestTenants.PASSWORD));
        if (changed.status() != 204 && changed.status() != 200) {
            throw new AssertionError("the password change of " + username + "@" + tenant + " failed: " + changed);
        }
        return login(tenant, username, TestTenants.PASSWORD);
    }
}
