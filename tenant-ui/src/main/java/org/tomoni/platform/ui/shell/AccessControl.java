package org.tomoni.platform.ui.shell;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.SynchronizedRequestHandler;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import jakarta.inject.Singleton;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.identity.Sessions;
import org.tomoni.platform.shared.Actor;

import java.util.Locale;

/**
 * Guards every navigation: routes without {@link Allowed} or {@link PublicRoute} are refused;
 * public routes open for anyone but only outside any layout (never in the staff frame);
 * signed-out users go to the login, and so do users deactivated or given another role since they
 * signed in (checked on every request and navigation, see {@link Sessions}); a route whose
 * {@link Allowed} capability the policy refuses (role, the tenant's module, duty) ends on "not found"; a user
 * signed in with a temporary password is sent to {@link PasswordChangeView} from every route until they change it. Also sets Japanese as the session's language unless the user switched.
 */
@Singleton
public class AccessControl implements VaadinServiceInitListener {
    public static final String LANGUAGE = "tomoni.language";
    private final AccessPolicy policy;
    private final Sessions sessions;

    AccessControl(AccessPolicy policy, Sessions sessions) {
        this.policy = policy;
        this.sessions = sessions;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> {
            Object language = VaadinSession.getCurrent().getAttribute(LANGUAGE);
            ui.getUI().setLocale(language instanceof Locale l ? l : UiI18n.JAPANESE);
            ui.getUI().addBeforeEnterListener(this::check);
        });
        // Every request of a signed-in session (not only navigation) finds its user still active
        // with the same role, or the session loses its actor and the next step is the login.
        event.addRequestHandler(new SynchronizedRequestHandler() {
            @Override
            public boolean synchronizedHandleRequest(VaadinSession session, VaadinRequest request, VaadinResponse response) {
                UiSession.actorOf(session).filter(a -> !stands(session, a)).ifPresent(a -> UiSession.end(session));
                return false;
            }
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
        if (allowed.value() == Capability.PUBLIC) {
            return;
        }
        var actor = UiSession.actor();
        if (actor.isPresent() && !stands(VaadinSession.getCurrent(), actor.get())) {
            // Deactivated, the role changed, or the password changed elsewhere since sign-in: this session ends here.
            UiSession.end(VaadinSession.getCurrent());
            actor = java.util.Optional.empty();
        }
        if (actor.isEmpty()) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (target != PasswordChangeView.class && sessions.passwordChangeRequired(actor.get().tenantId(), actor.get().userId())) {
            // Signed in with a temporary password: nothing else opens until it is changed.
            event.forwardTo(PasswordChangeView.class);
            return;
        }
        if (!permits(allowed, actor.get())) {
            event.rerouteTo(NotFoundView.class);
        }
    }

    /** The user is active with the session's role, and the password is the one the session signed in with. */
    private boolean stands(VaadinSession session, Actor actor) {
        return sessions.uiSessionStands(actor) && UiSession.passwordStands(session, sessions.passwordStamp(actor.tenantId(), actor.userId()));
    }

    /** The one policy decides: the route's capability (role × the tenant's module × duties). */
    boolean permits(Allowed allowed, Actor actor) {
        return policy.allows(actor, allowed.value());
    }
}
