package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.identity.Passwords;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.ClientAddress;
import org.tomoni.platform.ui.components.LocalizedView;

/**
 * The page a reset mail's link opens: a new password, twice. A link used before, expired, superseded by a newer one or
 * not the platform's shows why instead of the form, with the way to ask for a new one.
 */
@Route("password-reset")
@Allowed(Capability.PUBLIC)
@Prototype
public class PasswordResetView extends LocalizedView implements HasUrlParameter<String> {
    final PasswordField next = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button submit = new Button();
    final Paragraph message = new Paragraph();
    final RouterLink onward = new RouterLink();
    private final H1 title = new H1();
    private final Passwords passwords;
    private final ClientAddresses addresses;
    private String token;
    /** What the page says: a translation key (a link problem, or done), or null while the form is open. */
    private String messageKey;
    private boolean done;

    PasswordResetView(Passwords passwords, ClientAddresses addresses) {
        super("reset.title");
        this.passwords = passwords;
        this.addresses = addresses;
        setAlignItems(Alignment.CENTER);
        next.setId("reset-new-password");
        confirm.setId("reset-confirm-password");
        submit.setId("reset-submit");
        message.setId("reset-message");
        onward.setId("reset-onward");
        message.setMaxWidth("32em");
        next.setWidth("20em");
        confirm.setWidth("20em");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> reset());
        add(title, message, next, confirm, submit, onward);
        localize();
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        done = false;
        Outcome<Void> check = passwords.checkReset(token);
        messageKey = check instanceof Outcome.Rejected<Void> r ? problem(r) : null;
        showForm(messageKey == null);
        relabel();
    }

    private void showForm(boolean visible) {
        next.setVisible(visible);
        confirm.setVisible(visible);
        submit.setVisible(visible);
    }

    private static String problem(Outcome.Rejected<Void> r) {
        return r.errors().stream().filter(e -> e.field().equals("token")).map(FieldError::code).findFirst()
            .map(code -> "reset." + code).orElse("reset.link_invalid");
    }

    void reset() {
        next.setInvalid(false);
        confirm.setInvalid(false);
        if (!next.getValue().isEmpty() && !next.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage(getTranslation("password.mismatch"));
            confirm.setInvalid(true);
            return;
        }
        Outcome<Void> outcome = passwords.reset(token, next.getValue(), ClientAddress.of(addresses));
        if (outcome instanceof Outcome.Rejected<Void> r) {
            boolean aboutPassword = r.errors().stream().anyMatch(e -> e.field().equals("newPassword"));
            if (aboutPassword) {
                String code = r.errors().get(0).code();
                next.setErrorMessage(getTranslation("required".equals(code) ? "reset.required" : "password.rule"));
                next.setInvalid(true);
                return;
            }
            messageKey = problem(r);
            showForm(false);
        } else {
            done = true;
            messageKey = "reset.done";
            showForm(false);
        }
        next.clear();
        confirm.clear();
        relabel();
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("reset.title"));
        message.setText(getTranslation(messageKey == null ? "reset.intro" : messageKey));
        next.setLabel(getTranslation("password.new"));
        next.setHelperText(getTranslation("password.rule"));
        confirm.setLabel(getTranslation("password.confirm"));
        submit.setText(getTranslation("reset.submit"));
        boolean linkProblem = messageKey != null && !done;
        onward.setRoute(linkProblem ? ForgotPasswordView.class : LoginView.class);
        onward.setText(getTranslation(linkProblem ? "reset.again" : "forgot.back"));
    }
}
