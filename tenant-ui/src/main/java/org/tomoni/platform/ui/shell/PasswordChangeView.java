package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.identity.Passwords;
import org.tomoni.platform.identity.Sessions;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LocalizedView;

import java.util.Map;

/**
 * The signed-in user's own password: the current one, the new one twice, by the platform's one password rule. A user
 * who signed in with a temporary password is sent here (see {@link AccessControl}) until they change it. Every other
 * session of the user ends.
 */
@Route(value = "password", layout = MainLayout.class)
@Allowed(Capability.SIGNED_IN)
@Prototype
public class PasswordChangeView extends LocalizedView {
    final PasswordField current = new PasswordField();
    final PasswordField next = new PasswordField();
    final PasswordField confirm = new PasswordField();
    final Button submit = new Button();
    final Paragraph notice = new Paragraph();
    private final H2 title = new H2();
    private final Passwords passwords;
    private final Sessions sessions;
    private final Messages messages;

    PasswordChangeView(Passwords passwords, Sessions sessions, Messages messages) {
        super("password.title");
        this.passwords = passwords;
        this.sessions = sessions;
        this.messages = messages;
        current.setId("current-password");
        next.setId("new-password");
        confirm.setId("confirm-password");
        submit.setId("change-password");
        notice.setId("password-notice");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.addClickListener(e -> change());
        for (PasswordField f : new PasswordField[] {current, next, confirm}) {
            f.setWidth("20em");
        }
        add(title, notice, current, next, confirm, submit);
        localize();
    }

    private boolean forced() {
        Actor actor = UiSession.require();
        return sessions.passwordChangeRequired(actor.tenantId(), actor.userId());
    }

    Map<String, HasValidation> fields() {
        return Map.of("currentPassword", current, "newPassword", next, "confirmPassword", confirm);
    }

    void change() {
        FieldErrors.clear(fields());
        if (!next.getValue().isEmpty() && !next.getValue().equals(confirm.getValue())) {
            confirm.setErrorMessage(getTranslation("password.mismatch"));
            confirm.setInvalid(true);
            return;
        }
        boolean wasForced = forced();
        Outcome<Void> outcome = passwords.change(UiSession.require(), null, current.getValue(), next.getValue());
        if (outcome instanceof Outcome.Rejected<Void> r) {
            FieldErrors.show(r, fields(), messages, getLocale());
            return;
        }
        Actor me = UiSession.require();
        UiSession.restamp(sessions.passwordStamp(me.tenantId(), me.userId()));
        current.clear();
        next.clear();
        confirm.clear();
        FieldErrors.notify(getTranslation("password.changed"), NotificationVariant.LUMO_SUCCESS);
        if (wasForced) {
            getUI().ifPresent(ui -> ui.navigate(HomeView.class));
        } else {
            relabel();
        }
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("password.title"));
        boolean forced = UiSession.actor().isPresent() && forced();
        notice.setText(getTranslation(forced ? "password.forced" : "password.intro"));
        current.setLabel(getTranslation("password.current"));
        next.setLabel(getTranslation("password.new"));
        next.setHelperText(getTranslation("password.rule"));
        confirm.setLabel(getTranslation("password.confirm"));
        submit.setText(getTranslation("password.submit"));
    }
}
