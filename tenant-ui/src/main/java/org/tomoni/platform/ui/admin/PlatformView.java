package org.tomoni.platform.ui.admin;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

/** The (for now small) landing page of the network office and the platform operator. */
@Route(value = "platform", layout = MainLayout.class)
@Allowed(Capability.PLATFORM_OVERVIEW)
@Prototype
public class PlatformView extends VerticalLayout implements HasDynamicTitle {
    PlatformView(TenantRegistry tenants) {
        boolean operator = UiSession.allows(Capability.TENANTS_ONBOARD);
        add(new H2(getTranslation("platform.title")), new Paragraph(getTranslation(operator ? "platform.operator" : "platform.network")),
            new Paragraph(getTranslation("platform.tenants", tenants.all().size())));
        setId("platform");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.title");
    }
}
