package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.audit.AuditLog;
import org.tomoni.platform.identity.StaffNames;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;

import java.util.List;

/**
 * 監査ログ: the tenant's audit log for its admins (who did what, when, to which record), with filters and a CSV of
 * what they show; {@code ?targetType=person&targetId=…} opens one record's entries.
 */
@Route(value = "audit-log", layout = MainLayout.class)
@Allowed(Capability.AUDIT_READ)
@Prototype
public class AuditLogView extends LocalizedView implements BeforeEnterObserver {
    final H2 title = new H2();
    final Paragraph help = new Paragraph();
    public final AuditLogPanel panel;

    AuditLogView(AuditLog log, UserManagement users, StaffNames staffNames, Messages messages) {
        super("audit.title");
        panel = new AuditLogPanel(log, users, staffNames, messages);
        setSizeFull();
        add(title, help, panel);
        setId("audit-log");
        localize();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        String type = parameters.getOrDefault("targetType", List.of()).stream().findFirst().orElse(null);
        String id = parameters.getOrDefault("targetId", List.of()).stream().findFirst().orElse(null);
        if (type != null && id != null) {
            panel.showRecord(type, id);
        }
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("audit.title"));
        help.setText(getTranslation("audit.help"));
    }
}
