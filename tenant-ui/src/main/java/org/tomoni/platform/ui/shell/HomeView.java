package org.tomoni.platform.ui.shell;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.ui.admin.PlatformView;
import org.tomoni.platform.ui.members.PeopleView;

/** Sends a signed-in user to their start page. */
@Route("")
@Allowed(Capability.SIGNED_IN)
@Prototype
public class HomeView extends Div implements BeforeEnterObserver {
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        UiSession.actor().ifPresent(actor -> event.forwardTo(actor.isTenantUser() ? PeopleView.class : PlatformView.class));
    }
}
