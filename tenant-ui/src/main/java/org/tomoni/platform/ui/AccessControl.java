package org.tomoni.platform.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Singleton;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.TenantRegistry;

import java.util.Arrays;
import java.util.Locale;

/**
 * Guards every navigation: routes without {@link Allowed} or {@link PublicRoute} are refused;
 * public routes open for anyone but only outside any layout (never in the staff frame);
 * signed-out users go to the login; a role or a module the tenant does not have enabled ends on
 * "not found". Also sets Japanese as the session's language unless the user switched.
 */
@Singleton
class AccessControl implements VaadinServiceInitListener {
    static final String LANGUAGE = "tomoni.language";
    private final TenantRegistry tenants;

    AccessControl(TenantRegistry tenants) {
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Object language = VaadinSession.getCurrent().getAttribute(LANGUAGE);
            ui.getUI().setLocale(language instanceof Locale l ? l : UiI18n.JAPANESE);
            ui.getUI().addBeforeEnterListener(this::check);
        });
    }

    void check(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == NotFoundView.class) {
            return;
        }
        Allowed allowed = target.getAnnotation(Allowed.class);
        if (target.isAnnotationPresent(PublicRoute.class)) {
            if (allowed != null || !event.getLayouts().isEmpty()) {
                event.rerouteTo(NotFoundView.class);
            }
            return;
        }
        if (allowed == null) {
            event.rerouteTo(NotFoundView.class);
            return;
        }
        if (allowed.anonymous()) {
            return;
        }
        var actor = UiSession.actor();
        if (actor.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (!permits(allowed, actor.get())) {
            event.rerouteTo(NotFoundView.class);
        }
    }

    boolean permits(Allowed allowed, Actor actor) {
        boolean role = allowed.value().length == 0 || Arrays.stream(allowed.value()).anyMatch(actor::has);
        if (!role) {
            return false;
        }
        if (allowed.module().isEmpty() || actor.tenantId() == null) {
            return allowed.module().isEmpty();
        }
        return tenants.findById(actor.tenantId())
            .map(t -> Module.fromCode(allowed.module()).map(m -> t.settings().enables(m)).orElse(false))
            .orElse(false);
    }
}
