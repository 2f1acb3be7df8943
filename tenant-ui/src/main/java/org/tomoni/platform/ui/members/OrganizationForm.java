package org.tomoni.platform.ui.members;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.members.organizations.OrganizationKind;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.shared.Prefectures;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The organisation form (add, or edit one picked from the list): name, kana, kind, contact and
 * address, bound to one {@link Draft} by a {@link Binder}. It knows no facade: save is a
 * {@link BoundForm.SaveEvent}, and the view that listens calls the domain and shows its errors on {@link #fields()}.
 */
class OrganizationForm extends BoundForm<FormLayout, OrganizationForm.Draft> {
    /** What the form holds, as typed. */
    static final class Draft {
        String name = "";
        String nameKana = "";
        OrganizationKind kind;
        String email = "";
        String phone = "";
        String postalCode = "";
        String prefecture;
        String city = "";
        String addressLine1 = "";

        static Draft of(OrganizationView o) {
            Draft d = new Draft();
            d.name = o.name();
            d.nameKana = o.nameKana();
            d.kind = OrganizationKind.valueOf(o.kind().toUpperCase());
            d.email = orEmpty(o.email());
            // Shown grouped (045-222-3333, 220-0011); the domain reads either form.
            d.phone = orEmpty(org.tomoni.platform.shared.JapaneseText.formatPhone(o.phone()));
            d.postalCode = orEmpty(org.tomoni.platform.shared.JapaneseText.formatPostalCode(o.postalCode()));
            d.prefecture = o.prefecture();
            d.city = orEmpty(o.city());
            d.addressLine1 = orEmpty(o.addressLine1());
            return d;
        }

        private static String orEmpty(String s) {
            return s == null ? "" : s;
        }
    }

    final TextField name = new TextField();
    final TextField nameKana = new TextField();
    final ComboBox<OrganizationKind> kind = new ComboBox<>();
    final TextField email = new TextField();
    final TextField phone = new TextField();
    final TextField postalCode = new TextField();
    final ComboBox<String> prefecture = new ComboBox<>();
    final TextField city = new TextField();
    final TextField addressLine1 = new TextField();
    /** Postal code → address under the postal code (the view gives it the table). */
    final org.tomoni.platform.ui.components.AddressLookup addressLookup =
        new org.tomoni.platform.ui.components.AddressLookup("organization", postalCode, prefecture, city, addressLine1);
    final Button add = new Button();
    /** Leaves the organisation being edited as it was stored (shown only while editing). */
    final Button cancel = new Button();
    private final Binder<Draft> binder = new Binder<>();
    private boolean editing;

    OrganizationForm() {
        binder.forField(name).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(nameKana).bind(d -> d.nameKana, (d, v) -> d.nameKana = v);
        binder.forField(kind).bind(d -> d.kind, (d, v) -> d.kind = v);
        binder.forField(email).bind(d -> d.email, (d, v) -> d.email = v);
        binder.forField(phone).bind(d -> d.phone, (d, v) -> d.phone = v);
        binder.forField(postalCode).bind(d -> d.postalCode, (d, v) -> d.postalCode = v);
        binder.forField(prefecture).bind(d -> d.prefecture, (d, v) -> d.prefecture = v);
        binder.forField(city).bind(d -> d.city, (d, v) -> d.city = v);
        binder.forField(addressLine1).bind(d -> d.addressLine1, (d, v) -> d.addressLine1 = v);
        kind.setItems(Arrays.asList(OrganizationKind.values()));
        prefecture.setItems(Prefectures.NAMES);
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> fireSave());
        cancel.setId("organization-cancel");
        postalCode.setId("organization-postalCode");
        prefecture.setId("organization-prefecture");
        city.setId("organization-city");
        addressLine1.setId("organization-addressLine1");
        cancel.addClickListener(e -> fireCancel());
        cancel.setVisible(false);
        HorizontalLayout buttons = new HorizontalLayout(add, cancel);
        buttons.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().add(name, nameKana, kind, email, phone, postalCode, addressLookup, prefecture, city, addressLine1, buttons);
        getContent().setColspan(addressLookup, 3);
        // Three columns only where a reading in katakana fits one (not at 1280 px with the menu open).
        getContent().setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2),
            new FormLayout.ResponsiveStep("72em", 3));
        relabel();
    }

    /** Shows an organisation to edit; add then reads "save", and cancel appears. */
    void edit(OrganizationView o) {
        editing = true;
        cancel.setVisible(true);
        binder.readBean(Draft.of(o));
        addressLookup.clear();
        relabel();
    }

    /** Empties the form for the next organisation to add. */
    void clear() {
        editing = false;
        cancel.setVisible(false);
        binder.readBean(new Draft());
        addressLookup.clear();
        relabel();
    }

    /** What the form shows, as typed (the domain, not the form, judges it). */
    Draft draft() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return d;
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new LinkedHashMap<>();
        fields.put("name", name);
        fields.put("nameKana", nameKana);
        fields.put("kind", kind);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("postalCode", postalCode);
        fields.put("prefecture", prefecture);
        fields.put("city", city);
        fields.put("addressLine1", addressLine1);
        return fields;
    }

    @Override
    public Draft value() {
        return draft();
    }

    @Override
    protected void relabel() {
        name.setLabel(getTranslation("organizations.name"));
        nameKana.setLabel(getTranslation("organizations.nameKana"));
        kind.setLabel(getTranslation("organizations.kind"));
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.code()));
        add.setText(getTranslation(editing ? "person.save" : "organizations.add"));
        cancel.setText(getTranslation("organizations.cancel"));
        email.setLabel(getTranslation("person.email"));
        phone.setLabel(getTranslation("person.phone"));
        postalCode.setLabel(getTranslation("person.postalCode"));
        prefecture.setLabel(getTranslation("person.prefecture"));
        city.setLabel(getTranslation("person.city"));
        addressLine1.setLabel(getTranslation("person.addressLine1"));
    }
}
