package org.tomoni.platform.ui.server;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

import java.util.List;

/**
 * The UI port's security headers, on every answer (pages, the bundle, UIDL, errors), and no
 * {@code Server} header.
 * <ul>
 *   <li>{@code Content-Security-Policy}: only this origin's scripts, styles, images, fonts and
 *       connections; no plugins, no framing, forms post here only. See {@link #POLICY} for what
 *       Vaadin's production bundle needs beyond that.</li>
 *   <li>{@code X-Frame-Options: DENY} (with {@code frame-ancestors 'none'}): no clickjacking.</li>
 *   <li>{@code X-Content-Type-Options: nosniff}.</li>
 *   <li>{@code Referrer-Policy: no-referrer}: the donor's signed token is in the URL of
 *       /public/gift/{token} and must not leak to any other site.</li>
 * </ul>
 */
final class SecurityHeaders extends Handler.Wrapper {
    /**
     * The four inline scripts of Vaadin 24's bootstrap page (the same on every route, in every
     * locale). A Vaadin upgrade that changes them fails the browser journeys, and Chromium's
     * message in their output names the new hash.
     */
    private static final List<String> BOOTSTRAP_SCRIPTS = List.of(
        "'sha256-C1UGzXT2eXIEEjCCnproCD0qCz92JQ6NkFY418AY26E='",
        "'sha256-JBodGcQ4UAlJkxJCAWJ4UxxUrxMW+ZF7xA2+Of65RkI='",
        "'sha256-TUM84HrhvHk6piYBIBRgC4RfxCJvzVovM1BVgm0Iiao='",
        "'sha256-k9d2KWbJ1bfMu4cIKjZpOy9wELFoI3krHnhkc/4x2sE='");

    /**
     * The policy, found with the browser journeys (each step removed what they showed unneeded).
     * Vaadin Flow's production bundle needs beyond {@code 'self'}:
     * <ul>
     *   <li>{@code script-src 'unsafe-eval'}: the Flow client runs server-sent JavaScript
     *       ({@code executeJs}, component connectors) through {@code eval}/{@code new Function};</li>
     *   <li>the hashes of the bootstrap page's inline scripts (no {@code 'unsafe-inline'} for scripts);</li>
     *   <li>{@code style-src 'unsafe-inline'}: Lumo and the components set inline styles and add
     *       {@code <style>} elements, too many and too dynamic to hash;</li>
     *   <li>{@code img-src}/{@code font-src data:}: Lumo's icons and fonts come as data URLs.</li>
     * </ul>
     */
    static final String POLICY = String.join("; ",
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval' " + String.join(" ", BOOTSTRAP_SCRIPTS),
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    private SecurityHeaders(Handler app) {
        super(app);
    }

    /** Wraps the server's handler and switches off the version in the {@code Server} header on every connector. */
    static void install(Server server, Handler app) {
        for (Connector connector : server.getConnectors()) {
            HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
            if (http != null) {
                http.getHttpConfiguration().setSendServerVersion(false);
                http.getHttpConfiguration().setSendXPoweredBy(false);
            }
        }
        server.setHandler(new SecurityHeaders(app));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpFields.Mutable headers = response.getHeaders();
        headers.put("Content-Security-Policy", POLICY);
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        return super.handle(request, response, callback);
    }
}
