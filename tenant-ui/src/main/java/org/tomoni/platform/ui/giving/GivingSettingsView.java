package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.GivingSettings;
import org.tomoni.platform.giving.GivingSettings.SettingsRequest;
import org.tomoni.platform.giving.GivingSettings.SettingsView;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.JapaneseDatePicker;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
    static final List<Integer> ACCOUNT_TYPES = List.of(1, 2, 4, 9);
    final H2 title = new H2();
    final Paragraph readOnlyNote = new Paragraph();
    final H3 receiptSection = new H3();
    final H3 debitSection = new H3();
    final H3 otherSection = new H3();
    final TextField organizationAddress = new TextField();
    final TextField certificationNumber = new TextField();
    final DatePicker certificationDate = new DatePicker();
    final TextField consignorCode = new TextField();
    final TextField consignorKana = new TextField();
    final TextField bankCode = new TextField();
    final TextField branchCode = new TextField();
    final Select<Integer> accountType = new Select<>();
    final TextField accountNumber = new TextField();
    final IntegerField debitDay = new IntegerField();
    final IntegerField runDay = new IntegerField();
    final TextField staffEmail = new TextField();
    final Button save = new Button();
    final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final GivingSettings settings;
    private final Messages messages;
    private final boolean canEdit;
    long version;

    GivingSettingsView(GivingSettings settings, Messages messages) {
        super("settings.title");
        this.settings = settings;
        this.messages = messages;
        canEdit = UiSession.allows(Capability.GIVING_SETTINGS);
        fields.put("organizationAddress", organizationAddress);
        fields.put("certificationNumber", certificationNumber);
        fields.put("certificationDate", certificationDate);
        fields.put("consignorCode", consignorCode);
        fields.put("consignorKana", consignorKana);
        fields.put("bankCode", bankCode);
        fields.put("branchCode", branchCode);
        fields.put("accountType", accountType);
        fields.put("accountNumber", accountNumber);
        fields.put("debitDay", debitDay);
        fields.put("runDay", runDay);
        fields.put("staffEmail", staffEmail);
        fields.forEach((name, field) -> ((com.vaadin.flow.component.Component) field).setId("settings-" + name));
        accountType.setItems(ACCOUNT_TYPES);
        accountType.setEmptySelectionAllowed(true);
        debitDay.setMin(1);
        debitDay.setMax(31);
        runDay.setMin(1);
        runDay.setMax(28);
        organizationAddress.setWidthFull();
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setVisible(canEdit);
        readOnlyNote.setId("settings-read-only");
        readOnlyNote.setVisible(!canEdit);
        if (!canEdit) {
            fields.values().forEach(f -> ((HasValue<?, ?>) f).setReadOnly(true));
        }

        FormLayout receipt = new FormLayout(organizationAddress, certificationNumber, certificationDate);
        FormLayout debit = new FormLayout(consignorCode, consignorKana, bankCode, branchCode, accountType, accountNumber, debitDay);
        FormLayout other = new FormLayout(runDay, staffEmail);
        add(title, readOnlyNote, receiptSection, receipt, debitSection, debit, otherSection, other, save);
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
        SettingsView s = ok.value();
        organizationAddress.setValue(orEmpty(s.organizationAddress()));
        certificationNumber.setValue(orEmpty(s.certificationNumber()));
        certificationDate.setValue(s.certificationDate() == null ? null : LocalDate.parse(s.certificationDate()));
        consignorCode.setValue(orEmpty(s.consignorCode()));
        consignorKana.setValue(orEmpty(s.consignorKana()));
        bankCode.setValue(orEmpty(s.bankCode()));
        branchCode.setValue(orEmpty(s.branchCode()));
        accountType.setValue(s.accountType());
        accountNumber.setValue(orEmpty(s.accountNumber()));
        debitDay.setValue(s.debitDay());
        runDay.setValue(s.runDay());
        staffEmail.setValue(orEmpty(s.staffEmail()));
        version = s.version();
    }

    void save() {
        Outcome<SettingsView> outcome = settings.update(UiSession.require(), version, new SettingsRequest(
            blankToNull(organizationAddress.getValue()), blankToNull(certificationNumber.getValue()),
            certificationDate.getValue() == null ? null : certificationDate.getValue().toString(), blankToNull(consignorCode.getValue()),
            blankToNull(consignorKana.getValue()), blankToNull(bankCode.getValue()), blankToNull(branchCode.getValue()),
            accountType.getValue(), blankToNull(accountNumber.getValue()), debitDay.getValue(), runDay.getValue(),
            blankToNull(staffEmail.getValue())));
        if (outcome instanceof Outcome.Rejected<SettingsView> r) {
            FieldErrors.show(r, fields, messages, getLocale());
            return;
        }
        FieldErrors.clear(fields);
        load();
        FieldErrors.notify(getTranslation("settings.saved"), NotificationVariant.LUMO_SUCCESS);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("settings.title"));
        readOnlyNote.setText(getTranslation("settings.readOnly"));
        receiptSection.setText(getTranslation("settings.section.receipt"));
        debitSection.setText(getTranslation("settings.section.debit"));
        otherSection.setText(getTranslation("settings.section.other"));
        organizationAddress.setLabel(getTranslation("settings.organizationAddress"));
        certificationNumber.setLabel(getTranslation("settings.certificationNumber"));
        certificationDate.setLabel(getTranslation("settings.certificationDate"));
        certificationDate.setI18n(JapaneseDatePicker.i18n(getLocale()));
        consignorCode.setLabel(getTranslation("settings.consignorCode"));
        consignorCode.setHelperText(getTranslation("settings.consignorCode.help"));
        consignorKana.setLabel(getTranslation("settings.consignorKana"));
        consignorKana.setHelperText(getTranslation("settings.consignorKana.help"));
        bankCode.setLabel(getTranslation("settings.bankCode"));
        branchCode.setLabel(getTranslation("settings.branchCode"));
        accountType.setLabel(getTranslation("settings.accountType"));
        accountType.setItemLabelGenerator(t -> t == null ? "" : getTranslation("settings.accountType." + t));
        accountNumber.setLabel(getTranslation("settings.accountNumber"));
        debitDay.setLabel(getTranslation("settings.debitDay"));
        debitDay.setHelperText(getTranslation("settings.debitDay.help"));
        runDay.setLabel(getTranslation("settings.runDay"));
        runDay.setHelperText(getTranslation("settings.runDay.help"));
        staffEmail.setLabel(getTranslation("settings.staffEmail"));
        save.setText(getTranslation("settings.save"));
    }
}
