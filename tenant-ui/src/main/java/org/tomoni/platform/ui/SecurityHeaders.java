package org.tomoni.platform.ui;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

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
     * The policy. Vaadin Flow's production bundle needs:
     * <ul>
     *   <li>{@code style-src 'unsafe-inline'}: Lumo and the components add {@code <style>} elements
     *       and style attributes;</li>
     * </ul>
     */
    static final String POLICY = String.join("; ",
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
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
