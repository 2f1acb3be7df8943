package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;

import java.util.Locale;
import java.util.Map;

/**
 * Shows a rejected {@link Outcome} on a form: each field error beside its field, in the API's
 * words (Japanese unless the user chose English); a rejection that names no field of the form
 * (forbidden, not found, a conflict) as an error notification.
 */
public final class FieldErrors {
    private FieldErrors() {
    }

    public static void clear(Map<String, ? extends HasValidation> fields) {
        fields.values().forEach(f -> f.setInvalid(false));
    }

    public static void show(Outcome.Rejected<?> rejected, Map<String, ? extends HasValidation> fields, Messages messages, Locale locale) {
        if (!mark(rejected, fields, messages, locale)) {
            ErrorCode code = rejected.code();
            String text = code == ErrorCode.VALIDATION_FAILED && !rejected.errors().isEmpty()
                ? messages.get("field." + rejected.errors().get(0).code(), locale, rejected.errors().get(0).args())
                : messages.get(code.messageKey(), locale);
            notify(text, NotificationVariant.LUMO_ERROR);
        }
    }

    /** Marks each field the rejection names, with its message, and clears the others; whether any was marked. */
    public static boolean mark(Outcome.Rejected<?> rejected, Map<String, ? extends HasValidation> fields, Messages messages, Locale locale) {
        clear(fields);
        boolean shown = false;
        for (FieldError e : rejected.errors()) {
            HasValidation field = fields.get(e.field());
            if (field != null) {
                field.setErrorMessage(messages.get("field." + e.code(), locale, e.args()));
                field.setInvalid(true);
                shown = true;
            }
        }
        return shown;
    }

    /** Shows a result message; it replaces the one still showing (no stack of old messages). */
    public static Notification notify(String text, NotificationVariant variant) {
        UI ui = UI.getCurrent();
        Notification previous = ui == null ? null : ComponentUtil.getData(ui, Notification.class);
        if (previous != null && previous.isOpened()) {
            previous.close();
        }
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(variant);
        if (ui != null) {
            ComponentUtil.setData(ui, Notification.class, n);
        }
        return n;
    }
}
