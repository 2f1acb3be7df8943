package org.tomoni.platform.ui.server;

import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.micronaut.context.ApplicationContext;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.stream.Stream;

/**
 * Vaadin asks Micronaut for views and services that are beans (views are {@code @Prototype}),
 * and builds the rest by reflection.
 */
public class MicronautInstantiator extends DefaultInstantiator {
    private final ApplicationContext context;

    public MicronautInstantiator(VaadinService service, ApplicationContext context) {
        super(service);
        this.context = context;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return context.findBeanDefinition(type).isPresent() ? context.getBean(type) : super.getOrCreate(type);
    }

    @Override
    public I18NProvider getI18NProvider() {
        return context.getBean(UiI18n.class);
    }

    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(), context.getBeansOfType(VaadinServiceInitListener.class).stream());
    }
}
