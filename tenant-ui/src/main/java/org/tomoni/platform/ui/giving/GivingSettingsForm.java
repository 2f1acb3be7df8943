package org.tomoni.platform.ui.giving;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.giving.GivingSettings.SettingsRequest;
import org.tomoni.platform.giving.GivingSettings.SettingsView;
import org.tomoni.platform.ui.components.JapaneseDatePicker;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The giving settings form: receipt, direct debit and other sections, bound to one {@link Draft}
 * by a {@link Binder}. It knows no facade: save is a {@link BoundForm.SaveEvent}, and the view that listens
 * calls the domain, keeps the version and shows the domain's errors on {@link #fields()}.
 */
class GivingSettingsForm extends BoundForm<VerticalLayout, SettingsRequest> {
    static final List<Integer> ACCOUNT_TYPES = List.of(1, 2, 4, 9);

    /** What the form holds, as typed. */
    static final class Draft {
        String organizationAddress = "";
        boolean certified;
        String certificationNumber = "";
        LocalDate certificationDate;
        String consignorCode = "";
        String consignorKana = "";
        String bankCode = "";
        String branchCode = "";
        Integer accountType;
        String accountNumber = "";
        Integer debitDay;
        Integer runDay;
        String staffEmail = "";

        static Draft of(SettingsView s) {
            Draft d = new Draft();
            d.organizationAddress = orEmpty(s.organizationAddress());
            d.certified = s.certified();
            d.certificationNumber = orEmpty(s.certificationNumber());
            d.certificationDate = s.certificationDate() == null ? null : LocalDate.parse(s.certificationDate());
            d.consignorCode = orEmpty(s.consignorCode());
            d.consignorKana = orEmpty(s.consignorKana());
            d.bankCode = orEmpty(s.bankCode());
            d.branchCode = orEmpty(s.branchCode());
            d.accountType = s.accountType();
            d.accountNumber = orEmpty(s.accountNumber());
            d.debitDay = s.debitDay();
            d.runDay = s.runDay();
            d.staffEmail = orEmpty(s.staffEmail());
            return d;
        }

        /** Blank text is "not set"; the rest as typed. */
        SettingsRequest request() {
            return new SettingsRequest(blankToNull(organizationAddress), blankToNull(certificationNumber),
                certificationDate == null ? null : certificationDate.toString(), blankToNull(consignorCode), blankToNull(consignorKana),
                blankToNull(bankCode), blankToNull(branchCode), accountType, blankToNull(accountNumber), debitDay, runDay,
                blankToNull(staffEmail), certified);
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    final H3 receiptSection = new H3();
    final H3 debitSection = new H3();
    final H3 otherSection = new H3();
    final TextField organizationAddress = new TextField();
    final Checkbox certified = new Checkbox();
    final Span certifiedHelp = new Span();
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
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Binder<Draft> binder = new Binder<>();

    /** @param canEdit whether the user may change the settings (others read them, with no save) */
    GivingSettingsForm(boolean canEdit) {
        binder.forField(organizationAddress).bind(d -> d.organizationAddress, (d, v) -> d.organizationAddress = v);
        binder.forField(certified).bind(d -> d.certified, (d, v) -> d.certified = Boolean.TRUE.equals(v));
        binder.forField(certificationNumber).bind(d -> d.certificationNumber, (d, v) -> d.certificationNumber = v);
        binder.forField(certificationDate).bind(d -> d.certificationDate, (d, v) -> d.certificationDate = v);
        binder.forField(consignorCode).bind(d -> d.consignorCode, (d, v) -> d.consignorCode = v);
        binder.forField(consignorKana).bind(d -> d.consignorKana, (d, v) -> d.consignorKana = v);
        binder.forField(bankCode).bind(d -> d.bankCode, (d, v) -> d.bankCode = v);
        binder.forField(branchCode).bind(d -> d.branchCode, (d, v) -> d.branchCode = v);
        binder.forField(accountType).bind(d -> d.accountType, (d, v) -> d.accountType = v);
        binder.forField(accountNumber).bind(d -> d.accountNumber, (d, v) -> d.accountNumber = v);
        binder.forField(debitDay).bind(d -> d.debitDay, (d, v) -> d.debitDay = v);
        binder.forField(runDay).bind(d -> d.runDay, (d, v) -> d.runDay = v);
        binder.forField(staffEmail).bind(d -> d.staffEmail, (d, v) -> d.staffEmail = v);
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
        fields.forEach((name, field) -> ((Component) field).setId("settings-" + name));
        certified.setId("settings-certified");
        certifiedHelp.setId("settings-certified-help");
        certifiedHelp.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        accountType.setItems(ACCOUNT_TYPES);
        accountType.setEmptySelectionAllowed(true);
        debitDay.setMin(1);
        debitDay.setMax(31);
        runDay.setMin(1);
        runDay.setMax(28);
        organizationAddress.setWidthFull();
        save.setId("settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireSave());
        save.setVisible(canEdit);
        if (!canEdit) {
            fields.values().forEach(f -> ((HasValue<?, ?>) f).setReadOnly(true));
            certified.setReadOnly(true);
        }
        VerticalLayout certifiedBox = new VerticalLayout(certified, certifiedHelp);
        certifiedBox.setPadding(false);
        certifiedBox.setSpacing(false);
        FormLayout receipt = new FormLayout(organizationAddress, certifiedBox, certificationNumber, certificationDate);
        receipt.setColspan(certifiedBox, 2);
        FormLayout debit = new FormLayout(consignorCode, consignorKana, bankCode, branchCode, accountType, accountNumber, debitDay);
        FormLayout other = new FormLayout(runDay, staffEmail);
        getContent().setPadding(false);
        getContent().add(receiptSection, receipt, debitSection, debit, otherSection, other, save);
        relabel();
    }

    /** Shows the saved settings. */
    void read(SettingsView settings) {
        binder.readBean(Draft.of(settings));
    }

    /** What the form shows, as typed (the domain, not the form, judges it). */
    SettingsRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return d.request();
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return fields;
    }

    @Override
    public SettingsRequest value() {
        return request();
    }

    @Override
    protected void relabel() {
        receiptSection.setText(getTranslation("settings.section.receipt"));
        debitSection.setText(getTranslation("settings.section.debit"));
        otherSection.setText(getTranslation("settings.section.other"));
        organizationAddress.setLabel(getTranslation("settings.organizationAddress"));
        certified.setLabel(getTranslation("settings.certified"));
        certifiedHelp.setText(getTranslation("settings.certified.help"));
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
