package org.tomoni.platform.ui.server;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.ApplicationContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The Vaadin servlet whose service instantiates through Micronaut. A page request for a path that
 * is neither a route nor one of Vaadin's own resources is answered 404 here, with a page that
 * leads back, instead of the application shell with status 200: nothing but routes and the bundle
 * lives on this port.
 */
class TomoniServlet extends VaadinServlet {
    private static final String NOT_FOUND_PAGE = "<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\"><title>見つかりません</title></head>"
        + "<body><h1>見つかりません</h1><p>お探しのページは見つかりませんでした。 / The page was not found.</p>"
        + "<p><a href=\"/\">トップへ戻る / Back to the start</a></p></body></html>";
    private final transient ApplicationContext context;

    TomoniServlet(ApplicationContext context) {
        this.context = context;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (isUnknownPage(request)) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/html;charset=UTF-8");
            response.getOutputStream().write(NOT_FOUND_PAGE.getBytes(StandardCharsets.UTF_8));
            return;
        }
        super.service(request, response);
    }

    private boolean isUnknownPage(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod()) || request.getParameter("v-r") != null) {
            return false;
        }
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.startsWith("/VAADIN/") || path.equals("/HEARTBEAT")
            || getClass().getClassLoader().getResource("META-INF/VAADIN/webapp" + path) != null && !path.endsWith("/")) {
            return false;
        }
        String route = path.startsWith("/") ? path.substring(1) : path;
        return !getService().getRouter().getRegistry().getNavigationRouteTarget(route).hasTarget();
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration) throws ServiceException {
        VaadinServletService service = new VaadinServletService(this, configuration) {
            @Override
            protected Instantiator createInstantiator() {
                return new MicronautInstantiator(this, context);
            }
        };
        service.init();
        return service;
    }
}
