package org.tomoni.platform.ui.server;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URL;
import java.util.Objects;

/**
 * The admin UI: Vaadin in an embedded Jetty 12 (ee10) on UI_PORT, in the API's JVM, so views
 * call the domain services directly. Only Vaadin's jars, the websocket jar and our own classes
 * are scanned for annotations (scanning every jar costs seconds and memory).
 */
@Context
@Requires(property = "platform.ui.enabled", value = "true")
public class VaadinServer {
    private static final Logger LOG = LoggerFactory.getLogger(VaadinServer.class);
    private static final String SCAN = ".*/(flow-|vaadin-)[^/]*\\.jar$|.*/jetty-ee10-websocket-jakarta-server-[^/]*\\.jar$"
        + "|.*/classes/.*|.*/tenant-ui[^/]*\\.jar$";
    private static final String MARKER = "/ui-webroot/.webroot";
    private final Server server;

    VaadinServer(ApplicationContext context, @Value("${platform.ui.port:8081}") int port,
                 @Value("${platform.ui.production-mode:true}") boolean productionMode,
                 @Value("${platform.ui.secure-cookie:true}") boolean secureCookie) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setPort(port);
        server.addConnector(connector);

        WebAppContext web = new WebAppContext();
        web.setContextPath("/");
        web.setBaseResource(ResourceFactory.of(web).newResource(webRoot()));
        web.setParentLoaderPriority(true);
        web.setConfigurationDiscovered(true);
        web.setThrowUnavailableOnStartupException(true);
        web.setAttribute("org.eclipse.jetty.server.webapp.ContainerIncludeJarPattern", SCAN);
        web.setInitParameter("productionMode", Boolean.toString(productionMode));
        SessionHandler sessions = web.getSessionHandler();
        sessions.getSessionCookieConfig().setHttpOnly(true);
        sessions.getSessionCookieConfig().setSecure(secureCookie);
        sessions.getSessionCookieConfig().setAttribute("SameSite", "Strict");
        sessions.setMaxInactiveInterval(8 * 60 * 60);
        ServletHolder holder = new ServletHolder(new TomoniServlet(context));
        holder.setAsyncSupported(true);
        web.addServlet(holder, "/*");
        SecurityHeaders.install(server, web);
        server.start();
        LOG.info("Admin UI on http://localhost:{}/", port());
    }

    /**
     * The classpath folder {@code ui-webroot/}, never the working directory. Resolving "." against
     * the marker's {@code jar:} URI (opaque) yields a bare "." that Jetty took as the current
     * directory, which served the data folder and its keys.
     */
    static URI webRoot() {
        URL marker = Objects.requireNonNull(VaadinServer.class.getResource(MARKER), "ui-webroot marker");
        String text = marker.toString();
        URI root = URI.create(text.substring(0, text.length() - MARKER.length() + MARKER.lastIndexOf('/') + 1));
        if (!root.toString().endsWith("/ui-webroot/") || !"jar".equals(root.getScheme()) && !"file".equals(root.getScheme())) {
            throw new IllegalStateException("Refusing web root " + root);
        }
        return root;
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    @PreDestroy
    void stop() throws Exception {
        server.stop();
    }
}
