package org.tomoni.platform.ui.shell;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.identity.Authenticator;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.publicpages.PublicPages;

/**
 * Sign-in with organisation, user and password. A wrong answer never says which part was wrong,
 * and the API's throttling applies.
 */
@Route("login")
@Allowed(Capability.PUBLIC)
@Prototype
public class LoginView extends VerticalLayout implements HasDynamicTitle {
    final TextField organization = new TextField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button submit = new Button();
    final Span error = new Span();
    private final Authenticator authenticator;
    private final org.tomoni.platform.shared.ClientAddresses addresses;
    private final TenantRegistry tenants;

    LoginView(Authenticator authenticator, TenantRegistry tenants, org.tomoni.platform.shared.ClientAddresses addresses) {
        this.authenticator = authenticator;
        this.addresses = addresses;
        this.tenants = tenants;
        setAlignItems(Alignment.CENTER);
        organization.setId("organization");
        username.setId("username");
        password.setId("password");
        submit.setId("login");
        error.setId("login-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        organization.setLabel(getTranslation("login.organization"));
        organization.setHelperText(getTranslation("login.organization.help"));
        username.setLabel(getTranslation("login.username"));
        password.setLabel(getTranslation("login.password"));
        submit.setText(getTranslation("login.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> signIn());
        for (var field : new com.vaadin.flow.component.HasSize[] {organization, username, password}) {
            field.setWidth("20em");
        }
        add(new H1(getTranslation("app.title")), organization, username, password, submit, error);
    }

    void signIn() {
        String address = PublicPages.clientAddress(addresses);
        var attempt = authenticator.authenticate(organization.getValue(), username.getValue(), password.getValue(), address);
        password.clear();
        if (attempt instanceof Authenticator.Attempt.Authenticated ok) {
            String name = ok.actor().tenantId() == null ? "" : tenants.findById(ok.actor().tenantId()).map(t -> t.nameJa()).orElse("");
            UiSession.signIn(ok.actor(), name);
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } else if (attempt instanceof Authenticator.Attempt.Throttled t) {
            error.setText(getTranslation("login.throttled", Math.max(1, (t.retryAfter().toSeconds() + 59) / 60)));
        } else {
            error.setText(getTranslation("login.failed"));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
