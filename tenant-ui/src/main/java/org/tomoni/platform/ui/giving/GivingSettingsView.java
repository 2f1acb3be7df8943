package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.giving.GivingSettings.SettingsRequest;
import org.tomoni.platform.giving.GivingSettings.SettingsView;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.Map;


/**
 * Giving settings (寄付の設定): the organisation's address and certification printed on receipts,
 * the consignor code and account for direct debit, the debit and run days, and where staff
 * notices go. Tenant admins edit; everyone else reads.
 */
@Route(value = "giving/settings", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class GivingSettingsView extends LocalizedView {
    final H2 title = new H2();
    final Paragraph readOnlyNote = new Paragraph();
    final GivingSettingsForm form;
    private final GivingSettings settings;
    private final Messages messages;
    private final boolean canEdit;
    /** Says the bank's and branch's names under their codes again. */
    private final Runnable bankNames;
    long version;

    GivingSettingsView(GivingSettings settings, Messages messages, org.tomoni.platform.giving.ZenginCodes zenginCodes) {
        super("settings.title");
        this.settings = settings;
        this.messages = messages;
        canEdit = UiSession.allows(Capability.GIVING_SETTINGS);
        form = new GivingSettingsForm(canEdit);
        bankNames = org.tomoni.platform.ui.components.BankLookup.namesAsHelpers(form.bankCode, form.branchCode, zenginCodes);
        form.addSaveListener(e -> save(e.value()));
        readOnlyNote.setId("settings-read-only");
        readOnlyNote.setVisible(!canEdit);
        add(title, readOnlyNote, form);
        localize();
        load();
    }

    /** Reads the saved settings (the defaults when none were saved) into the form. */
    void load() {
        Outcome<SettingsView> outcome = settings.get(UiSession.require());
        if (!(outcome instanceof Outcome.Ok<SettingsView> ok)) {
            FieldErrors.show((Outcome.Rejected<SettingsView>) outcome, Map.of(), messages, getLocale());
            return;
        }
        form.read(ok.value());
        version = ok.value().version();
    }

    void save(SettingsRequest request) {
        Outcome<SettingsView> outcome = settings.update(UiSession.require(), version, request);
        if (outcome instanceof Outcome.Rejected<SettingsView> r) {
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(form.fields());
        load();
        FieldErrors.notify(getTranslation("settings.saved"), NotificationVariant.LUMO_SUCCESS);
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("settings.title"));
        readOnlyNote.setText(getTranslation("settings.readOnly"));
        if (bankNames != null) {
            bankNames.run();
        }
    }
}
