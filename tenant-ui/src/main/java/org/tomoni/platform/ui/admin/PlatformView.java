package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.json.JsonMapper;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantKinds;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

/** The landing page of the network office and the platform operator; the operator also manages the tenant kinds here. */
@Route(value = "platform", layout = MainLayout.class)
@Allowed({Role.NETWORK_OFFICE, Role.PLATFORM_OPERATOR})
@Prototype
public class PlatformView extends VerticalLayout implements HasDynamicTitle {
    PlatformView(TenantRegistry tenants, TenantKinds kinds, JsonMapper json, Messages messages) {
        boolean operator = UiSession.require().has(Role.PLATFORM_OPERATOR);
        add(new H2(getTranslation("platform.title")), new Paragraph(getTranslation(operator ? "platform.operator" : "platform.network")),
            new Paragraph(getTranslation("platform.tenants", tenants.all().size())));
        if (operator) {
            add(new TenantKindsPanel(kinds, json, messages));
        }
        setId("platform");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.title");
    }
}
