package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import org.tomoni.platform.shared.Prefectures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's name and reading, contact and address, written once for the staff's person form and
 * the public sign-up page. The owning form binds them into its {@code Binder<PersonDetails>}
 * ({@link #bind}); the domain validates what it writes, and its errors come back beside these
 * fields through {@link #fields} and {@link FieldErrors}. The two {@link Style}s differ in ids,
 * labels and layout only: the public one has helpers, required marks and one column for phones.
 */
public class PersonFields extends Composite<VerticalLayout> implements LocaleChangeObserver {
    /** Where the fields are shown. */
    public enum Style {
        /** The staff's form: ids {@code person-*}, labels {@code person.*}, with the birth date. */
        STAFF("person", "person.section."),
        /** The public sign-up: ids {@code donate-*}, labels {@code donate.*}, no birth date. */
        PUBLIC("donate", "donate.section.");

        private final String prefix;
        private final String sections;

        Style(String prefix, String sections) {
            this.prefix = prefix;
            this.sections = sections;
        }
    }

    public final TextField familyName = new TextField();
    public final TextField givenName = new TextField();
    public final TextField familyNameKana = new TextField();
    public final TextField givenNameKana = new TextField();
    /** Staff only; not bound on the public page. */
    public final DatePicker birthDate = new DatePicker();
    public final EmailField email = new EmailField();
    public final TextField phone = new TextField();
    public final TextField postalCode = new TextField();
    public final ComboBox<String> prefecture = new ComboBox<>();
    public final TextField city = new TextField();
    public final TextField addressLine1 = new TextField();
    public final TextField addressLine2 = new TextField();
    /** Postal code → address under the postal code, once {@link #lookUpAddresses} gave it the table. */
    public final AddressLookup addressLookup;
    private final Style style;
    /** Every field by the name the domain's errors use. */
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final Map<String, H3> sections = new LinkedHashMap<>();

    public PersonFields(Style style) {
        this.style = style;
        fields.put("familyName", familyName);
        fields.put("givenName", givenName);
        fields.put("familyNameKana", familyNameKana);
        fields.put("givenNameKana", givenNameKana);
        if (style == Style.STAFF) {
            fields.put("birthDate", birthDate);
        }
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("postalCode", postalCode);
        fields.put("prefecture", prefecture);
        fields.put("city", city);
        fields.put("addressLine1", addressLine1);
        fields.put("addressLine2", addressLine2);
        fields.forEach((name, field) -> ((Component) field).setId(style.prefix + "-" + name));
        prefecture.setItems(Prefectures.NAMES);
        addressLookup = new AddressLookup(style.prefix, postalCode, prefecture, city, addressLine1);
        VerticalLayout content = getContent();
        content.setPadding(false);
        if (style == Style.STAFF) {
            content.add(staffSection("name", familyName, givenName, familyNameKana, givenNameKana, birthDate),
                staffSection("contact", email, phone),
                staffSection("address", postalCode, addressLookup, prefecture, city, addressLine1, addressLine2));
        } else {
            forPhones();
            content.setWidthFull();
            content.add(publicSection("name", columns(familyName, givenName), columns(familyNameKana, givenNameKana), email, phone),
                publicSection("address", postalCode, addressLookup, prefecture, city, addressLine1, addressLine2));
        }
        relabel();
    }

    /** Fills the address from the postal code as the person types it (see {@link AddressLookup}). */
    public void lookUpAddresses(org.tomoni.platform.shared.PostalCodes postalCodes) {
        addressLookup.use(postalCodes);
    }

    /** Binds every field this style shows to the form's bean. */
    public void bind(Binder<PersonDetails> binder) {
        binder.forField(familyName).bind(PersonDetails::getFamilyName, PersonDetails::setFamilyName);
        binder.forField(givenName).bind(PersonDetails::getGivenName, PersonDetails::setGivenName);
        binder.forField(familyNameKana).bind(PersonDetails::getFamilyNameKana, PersonDetails::setFamilyNameKana);
        binder.forField(givenNameKana).bind(PersonDetails::getGivenNameKana, PersonDetails::setGivenNameKana);
        if (style == Style.STAFF) {
            binder.forField(birthDate).bind(PersonDetails::getBirthDate, PersonDetails::setBirthDate);
        }
        binder.forField(email).bind(PersonDetails::getEmail, PersonDetails::setEmail);
        binder.forField(phone).bind(PersonDetails::getPhone, PersonDetails::setPhone);
        binder.forField(postalCode).bind(PersonDetails::getPostalCode, PersonDetails::setPostalCode);
        binder.forField(prefecture).bind(PersonDetails::getPrefecture, PersonDetails::setPrefecture);
        binder.forField(city).bind(PersonDetails::getCity, PersonDetails::setCity);
        binder.forField(addressLine1).bind(PersonDetails::getAddressLine1, PersonDetails::setAddressLine1);
        binder.forField(addressLine2).bind(PersonDetails::getAddressLine2, PersonDetails::setAddressLine2);
    }

    /** The fields by the names of the domain's errors, each prefixed (the sign-up's errors say {@code donor.familyName}). */
    public Map<String, HasValidation> fields(String prefix) {
        Map<String, HasValidation> named = new LinkedHashMap<>();
        fields.forEach((name, field) -> named.put(prefix + name, field));
        return named;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        sections.forEach((key, heading) -> heading.setText(getTranslation(style.sections + key)));
        fields.forEach((name, field) -> ((HasLabel) field).setLabel(getTranslation(style.prefix + "." + name)));
        if (style == Style.STAFF) {
            birthDate.setI18n(JapaneseDatePicker.i18n(getLocale()));
            birthDate.setLocale(getLocale());
            return;
        }
        for (TextFieldBase<?, ?> f : List.of(familyNameKana, givenNameKana, phone, postalCode, addressLine2)) {
            f.setHelperText(getTranslation("donate." + ((Component) f).getId().orElseThrow().substring("donate-".length()) + ".help"));
        }
        email.setHelperText(getTranslation("donate.email.help"));
        for (TextField f : List.of(familyName, givenName, familyNameKana, givenNameKana)) {
            f.setI18n(new TextField.TextFieldI18n().setRequiredErrorMessage(getTranslation("donate.required")));
        }
    }

    /** Full width, large enough to touch, with what a phone's keyboard and autofill need. */
    private void forPhones() {
        fields.values().forEach(f -> ((Component) f).getElement().getStyle().set("width", "100%"));
        for (TextField f : List.of(familyName, givenName, familyNameKana, givenNameKana)) {
            f.setRequiredIndicatorVisible(true);
        }
        email.setRequiredIndicatorVisible(true);
        email.setAutocomplete(Autocomplete.EMAIL);
        phone.setAutocomplete(Autocomplete.TEL);
        phone.getElement().setAttribute("inputmode", "tel");
        postalCode.setAutocomplete(Autocomplete.POSTAL_CODE);
        postalCode.getElement().setAttribute("inputmode", "numeric");
        postalCode.setMaxLength(8);
    }

    private VerticalLayout staffSection(String key, Component... components) {
        FormLayout form = new FormLayout(components);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        for (Component c : components) {
            if (c instanceof AddressLookup) {
                form.setColspan(c, 2);
            }
        }
        H3 heading = new H3();
        sections.put(key, heading);
        VerticalLayout section = new VerticalLayout(heading, form);
        section.setPadding(false);
        return section;
    }

    private VerticalLayout publicSection(String key, Component... components) {
        return publicSection(sections, key, components);
    }

    /**
     * A full-width section of a public page under a heading kept in {@code headings} by its key, so
     * the page can set the headings' texts on a language switch.
     */
    public static VerticalLayout publicSection(Map<String, H3> headings, String key, Component... components) {
        H3 heading = new H3();
        headings.put(key, heading);
        VerticalLayout section = new VerticalLayout(heading);
        section.add(components);
        section.setPadding(false);
        section.setSpacing(false);
        section.setWidthFull();
        return section;
    }

    /** Two short fields side by side on a wide screen, one under the other on a phone. */
    public static FormLayout columns(Component... components) {
        FormLayout form = new FormLayout(components);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        form.setWidthFull();
        return form;
    }
}
