package org.tomoni.platform.ui.shell;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.identity.Authenticator;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.components.ClientAddress;
import org.tomoni.platform.ui.components.LocalizedView;

/**
 * Sign-in with organisation, user and password. A wrong answer never says which part was wrong,
 * and the API's throttling applies.
 */
@Route("login")
@Allowed(Capability.PUBLIC)
@Prototype
public class LoginView extends LocalizedView {
    final TextField organization = new TextField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final Button submit = new Button();
    final Span error = new Span();
    final com.vaadin.flow.router.RouterLink forgot = new com.vaadin.flow.router.RouterLink("", ForgotPasswordView.class);
    private final Authenticator authenticator;
    private final org.tomoni.platform.shared.ClientAddresses addresses;
    private final TenantRegistry tenants;
    private final H1 title = new H1();
    /** The last answer to a sign-in, as a translation key and its argument, so it follows the language switch. */
    private String errorKey;
    private long errorMinutes;

    private final org.tomoni.platform.identity.Sessions sessions;

    LoginView(Authenticator authenticator, TenantRegistry tenants, org.tomoni.platform.shared.ClientAddresses addresses,
              org.tomoni.platform.identity.Sessions sessions) {
        super("login.title");
        this.sessions = sessions;
        this.authenticator = authenticator;
        this.addresses = addresses;
        this.tenants = tenants;
        setAlignItems(Alignment.CENTER);
        organization.setId("organization");
        username.setId("username");
        password.setId("password");
        submit.setId("login");
        error.setId("login-error");
        forgot.setId("forgot-password");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> signIn());
        for (var field : new com.vaadin.flow.component.HasSize[] {organization, username, password}) {
            field.setWidth("20em");
        }
        add(title, organization, username, password, submit, error, forgot);
        localize();
    }

    void signIn() {
        String address = ClientAddress.of(addresses);
        var attempt = authenticator.authenticate(organization.getValue(), username.getValue(), password.getValue(), address);
        password.clear();
        if (attempt instanceof Authenticator.Attempt.Authenticated ok) {
            String name = ok.actor().tenantId() == null ? "" : tenants.findById(ok.actor().tenantId()).map(t -> t.nameJa()).orElse("");
            UiSession.signIn(ok.actor(), name, sessions.passwordStamp(ok.actor().tenantId(), ok.actor().userId()));
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } else if (attempt instanceof Authenticator.Attempt.Throttled t) {
            errorKey = "login.throttled";
            errorMinutes = Math.max(1, (t.retryAfter().toSeconds() + 59) / 60);
        } else {
            errorKey = "login.failed";
        }
        relabel();
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("app.title"));
        organization.setLabel(getTranslation("login.organization"));
        organization.setHelperText(getTranslation("login.organization.help"));
        username.setLabel(getTranslation("login.username"));
        password.setLabel(getTranslation("login.password"));
        submit.setText(getTranslation("login.submit"));
        forgot.setText(getTranslation("login.forgot"));
        error.setText(errorKey == null ? "" : getTranslation(errorKey, errorMinutes));
    }
}
