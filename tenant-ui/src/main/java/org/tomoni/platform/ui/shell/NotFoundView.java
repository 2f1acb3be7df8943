package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.ui.components.LocalizedView;

/**
 * What a missing page, a refused route and another tenant's record all look like (HTTP 404). A
 * signed-in user sees it inside the staff frame ({@link MainLayout}: menu, language, sign-out)
 * with a link back to their start page; a visitor sees it alone with a link to the login.
 */
@Route("not-found")
@Allowed(Capability.PUBLIC)
@Prototype
public class NotFoundView extends LocalizedView implements HasErrorParameter<NotFoundException> {
    private final H2 title = new H2();
    private final Paragraph text = new Paragraph();
    /** Back to the start page (signed in) or to the login (signed out). */
    public final RouterLink back = new RouterLink();
    /** The staff frame around the message, for a signed-in user; {@code null} for a visitor. */
    final MainLayout layout;
    private final boolean signedIn;

    NotFoundView(AccessPolicy policy) {
        super("notfound.title");
        setId("not-found");
        back.setId("not-found-back");
        signedIn = UiSession.actor().isPresent();
        back.setRoute(signedIn ? HomeView.class : LoginView.class);
        VerticalLayout message = new VerticalLayout(title, text, back);
        if (signedIn) {
            layout = new MainLayout(policy);
            layout.setContent(message);
            setPadding(false);
            setSizeFull();
            add(layout);
        } else {
            layout = null;
            message.setPadding(false);
            add(message);
        }
        localize();
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return 404;
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("notfound.title"));
        text.setText(getTranslation("notfound.text"));
        back.setText(getTranslation(signedIn ? "notfound.home" : "notfound.login"));
    }
}
