package org.tomoni.platform.ui.shell;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Actor;

import java.util.Optional;

/** The signed-in actor lives in the server session; the browser holds only the session cookie. */
public final class UiSession {
    private static final String ACTOR = "tomoni.actor";
    private static final String TENANT_NAME = "tomoni.tenantName";
    /** The fingerprint of the password the session signed in with (see {@code Sessions.passwordStamp}). */
    private static final String PASSWORD_STAMP = "tomoni.passwordStamp";

    private UiSession() {
    }

    public static Optional<Actor> actor() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((Actor) session.getAttribute(ACTOR));
    }

    static Optional<Actor> actorOf(VaadinSession session) {
        return Optional.ofNullable((Actor) session.getAttribute(ACTOR));
    }

    /** Ends the signed-in state of a session whose user may no longer act (deactivated, role changed). */
    static void end(VaadinSession session) {
        session.setAttribute(ACTOR, null);
        session.setAttribute(TENANT_NAME, null);
        session.setAttribute(PASSWORD_STAMP, null);
    }

    public static Actor require() {
        return actor().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    /**
     * Whether the signed-in actor holds the capability now, by the one policy the API uses too
     * (role × the tenant's modules × duties): for the buttons and forms of a view.
     */
    public static boolean allows(Capability capability) {
        return actor().map(a -> policy().allows(a, capability)).orElse(false);
    }

    static AccessPolicy policy() {
        return VaadinService.getCurrent().getInstantiator().getOrCreate(AccessPolicy.class);
    }

    public static String tenantName() {
        Object name = VaadinSession.getCurrent().getAttribute(TENANT_NAME);
        return name == null ? "" : name.toString();
    }

    /** Whether the session's password is still the user's (a session with no stamp predates the check and stands). */
    static boolean passwordStands(VaadinSession session, String currentStamp) {
        Object stamp = session.getAttribute(PASSWORD_STAMP);
        return stamp == null || stamp.equals(currentStamp);
    }

    /** This session changed the password itself: it goes on with the new one (the user's other sessions end). */
    static void restamp(String stamp) {
        VaadinSession.getCurrent().setAttribute(PASSWORD_STAMP, stamp);
    }

    static void signIn(Actor actor, String tenantName, String passwordStamp) {
        VaadinSession session = VaadinSession.getCurrent();
        // A new session id on sign-in, so a session fixed before login is worthless after it.
        com.vaadin.flow.server.VaadinService.reinitializeSession(com.vaadin.flow.server.VaadinService.getCurrentRequest());
        session = VaadinSession.getCurrent();
        session.setAttribute(ACTOR, actor);
        session.setAttribute(TENANT_NAME, tenantName);
        session.setAttribute(PASSWORD_STAMP, passwordStamp);
    }

    static void signOut() {
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(ACTOR, null);
        session.getSession().invalidate();
    }
}
