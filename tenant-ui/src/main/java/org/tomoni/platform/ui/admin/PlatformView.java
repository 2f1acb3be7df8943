package org.tomoni.platform.ui.admin;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import io.micronaut.json.JsonMapper;
import org.tomoni.platform.audit.AuditLog;
import org.tomoni.platform.identity.StaffNames;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.onboarding.TenantKinds;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

/** The landing page of the network office and the platform operator; the operator also onboards tenants, manages their kinds and reads the platform's audit log here. */
@Route(value = "platform", layout = MainLayout.class)
@Allowed(Capability.PLATFORM_OVERVIEW)
@Prototype
public class PlatformView extends LocalizedView {
    private final H2 title = new H2();
    private final Paragraph role = new Paragraph();
    private final Paragraph count = new Paragraph();
    private final TenantRegistry tenants;

    PlatformView(TenantRegistry tenants, TenantKinds kinds, TenantOnboarding onboarding, JsonMapper json, Messages messages, AuditLog auditLog,
                 StaffNames staffNames) {
        super("platform.title");
        this.tenants = tenants;
        add(title, role, count);
        if (UiSession.allows(Capability.TENANTS_ONBOARD)) {
            add(new TenantsPanel(onboarding, kinds, messages));
        }
        if (UiSession.allows(Capability.TENANT_KINDS_MANAGE)) {
            add(new TenantKindsPanel(kinds, json, messages));
        }
        if (UiSession.allows(Capability.PLATFORM_AUDIT_READ)) {
            add(new AuditLogPanel(auditLog, null, staffNames, messages));
        }
        setId("platform");
        localize();
    }

    @Override
    protected void relabel() {
        boolean operator = UiSession.allows(Capability.TENANTS_ONBOARD);
        title.setText(getTranslation("platform.title"));
        role.setText(getTranslation(operator ? "platform.operator" : "platform.network"));
        count.setText(getTranslation("platform.tenants", tenants.all().size()));
    }
}
