package org.tomoni.platform.ui;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletService;
import io.micronaut.context.ApplicationContext;

/** The Vaadin servlet whose service instantiates through Micronaut. */
class TomoniServlet extends VaadinServlet {
    private final transient ApplicationContext context;

    TomoniServlet(ApplicationContext context) {
        this.context = context;
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
