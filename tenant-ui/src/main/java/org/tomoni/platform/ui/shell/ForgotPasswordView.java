package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.identity.Passwords;
import org.tomoni.platform.shared.ClientAddresses;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.ClientAddress;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LocalizedView;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * "Forgot your password?": the organisation (as on the sign-in page) and the login's e-mail. The answer is the same
 * whether or not the address is known; a mail with a link goes out when it is. Throttled like every public form.
 */
@Route("forgot-password")
@Allowed(Capability.PUBLIC)
@Prototype
public class ForgotPasswordView extends LocalizedView {
    final TextField organization = new TextField();
    final TextField email = new TextField();
    final Button submit = new Button();
    final Span result = new Span();
    private final H1 title = new H1();
    private final Paragraph intro = new Paragraph();
    private final RouterLink back = new RouterLink();
    private final Passwords passwords;
    private final ClientAddresses addresses;
    private final Messages messages;
    private String resultKey;
    private long resultNumber;

    ForgotPasswordView(Passwords passwords, ClientAddresses addresses, Messages messages) {
        super("forgot.title");
        this.passwords = passwords;
        this.addresses = addresses;
        this.messages = messages;
        setAlignItems(Alignment.CENTER);
        organization.setId("forgot-organization");
        email.setId("forgot-email");
        submit.setId("forgot-submit");
        result.setId("forgot-result");
        back.setRoute(LoginView.class);
        organization.setWidth("20em");
        email.setWidth("20em");
        intro.setMaxWidth("32em");
        result.setMaxWidth("32em");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> send());
        add(title, intro, organization, email, submit, result, back);
        localize();
    }

    Map<String, HasValidation> fields() {
        return Map.of("tenant", organization, "email", email);
    }

    void send() {
        Outcome<Optional<Duration>> outcome = passwords.requestReset(organization.getValue(), email.getValue(), ClientAddress.of(addresses));
        if (outcome instanceof Outcome.Rejected<Optional<Duration>> r) {
            FieldErrors.show(r, fields(), messages, getLocale());
            resultKey = null;
        } else {
            FieldErrors.clear(fields());
            Optional<Duration> wait = ((Outcome.Ok<Optional<Duration>>) outcome).value();
            resultKey = wait.isPresent() ? "forgot.throttled" : "forgot.sent";
            resultNumber = wait.map(w -> Math.max(1, (w.toSeconds() + 59) / 60)).orElse(passwords.resetLifetime().toMinutes());
        }
        relabel();
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("forgot.title"));
        intro.setText(getTranslation("forgot.intro"));
        organization.setLabel(getTranslation("login.organization"));
        email.setLabel(getTranslation("forgot.email"));
        submit.setText(getTranslation("forgot.submit"));
        back.setText(getTranslation("forgot.back"));
        result.setText(resultKey == null ? "" : getTranslation(resultKey, resultNumber));
    }
}
