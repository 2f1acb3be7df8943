package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.People;
import org.tomoni.platform.members.PersonRequest;
import org.tomoni.platform.members.PersonView;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Prefectures;
import org.tomoni.platform.ui.components.JapaneseDatePicker;
import org.tomoni.platform.ui.components.Pickers;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's form: name and reading, contact, address with a prefecture select, flags. The
 * domain validates; its messages appear next to each field in the user's language. An
 * optimistic-lock conflict is explained, not overwritten.
 */
@Route(value = "person", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class PersonFormView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {
    final TextField familyName = new TextField();
    final TextField givenName = new TextField();
    final TextField familyNameKana = new TextField();
    final TextField givenNameKana = new TextField();
    final DatePicker birthDate = new DatePicker();
    final EmailField email = new EmailField();
    final TextField phone = new TextField();
    final TextField postalCode = new TextField();
    final ComboBox<String> prefecture = new ComboBox<>();
    final TextField city = new TextField();
    final TextField addressLine1 = new TextField();
    final TextField addressLine2 = new TextField();
    final TextArea notes = new TextArea();
    final Checkbox newsletterConsent = new Checkbox();
    final Checkbox noPostalMail = new Checkbox();
    final Checkbox noEmail = new Checkbox();
    final Checkbox sensitive = new Checkbox();
    final Button save = new Button();
    final Span duplicates = new Span();
    final Grid<String> links = new Grid<>();
    final ComboBox<PersonView> relatedPerson;
    final com.vaadin.flow.component.select.Select<String> relationKind = new com.vaadin.flow.component.select.Select<>();
    final Button addRelationship = new Button();
    final ComboBox<org.tomoni.platform.members.OrganizationView> organization;
    final TextField role = new TextField();
    final Button addAffiliation = new Button();
    final Span linkMessage = new Span();
    private final HorizontalLayout linkForms = new HorizontalLayout();
    private final org.tomoni.platform.members.Relationships relationships;
    private final org.tomoni.platform.members.Affiliations affiliations;
    private final H2 title = new H2();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();
    private final People people;
    private final Messages messages;
    private PersonView current;

    PersonFormView(People people, Messages messages, org.tomoni.platform.members.Organizations organizations,
                   org.tomoni.platform.members.Relationships relationships, org.tomoni.platform.members.Affiliations affiliations) {
        this.people = people;
        this.relationships = relationships;
        this.affiliations = affiliations;
        this.relatedPerson = Pickers.person(people);
        this.organization = Pickers.organization(organizations);
        this.messages = messages;
        fields.put("familyName", familyName);
        fields.put("givenName", givenName);
        fields.put("familyNameKana", familyNameKana);
        fields.put("givenNameKana", givenNameKana);
        fields.put("birthDate", birthDate);
        fields.put("email", email);
        fields.put("phone", phone);
        fields.put("postalCode", postalCode);
        fields.put("prefecture", prefecture);
        fields.put("city", city);
        fields.put("addressLine1", addressLine1);
        fields.put("addressLine2", addressLine2);
        fields.put("notes", notes);
        fields.forEach((name, field) -> ((com.vaadin.flow.component.Component) field).setId("person-" + name));
        fields.forEach((name, field) -> ((com.vaadin.flow.component.HasLabel) field).setLabel(getTranslation("person." + name)));
        birthDate.setI18n(JapaneseDatePicker.i18n(getLocale()));
        birthDate.setLocale(getLocale());
        prefecture.setItems(Prefectures.NAMES);
        for (var c : List.of(newsletterConsent, noPostalMail, noEmail, sensitive)) {
            c.setId("person-" + (c == newsletterConsent ? "newsletterConsent" : c == noPostalMail ? "noPostalMail" : c == noEmail ? "noEmail" : "sensitive"));
        }
        newsletterConsent.setLabel(getTranslation("person.newsletterConsent"));
        noPostalMail.setLabel(getTranslation("person.noPostalMail"));
        noEmail.setLabel(getTranslation("person.noEmail"));
        sensitive.setLabel(getTranslation("person.sensitive"));
        sensitive.setVisible(UiSession.allows(Capability.PEOPLE_SENSITIVE));
        save.setId("person-save");
        save.setText(getTranslation("person.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        save.setEnabled(UiSession.allows(Capability.PEOPLE_WRITE));
        Button cancel = new Button(getTranslation("person.cancel"), e -> getUI().ifPresent(ui -> ui.navigate(PeopleView.class)));
        duplicates.setId("person-duplicates");
        add(title,
            section("person.section.name", familyName, givenName, familyNameKana, givenNameKana, birthDate),
            section("person.section.contact", email, phone),
            section("person.section.address", postalCode, prefecture, city, addressLine1, addressLine2),
            section("person.section.flags", newsletterConsent, noPostalMail, noEmail, sensitive, notes),
            duplicates, new HorizontalLayout(save, cancel), links);
        relatedPerson.setLabel(getTranslation("person.relatedPerson"));
        relationKind.setLabel(getTranslation("person.relationKind"));
        relationKind.setItems("parent", "guardian", "spouse");
        relationKind.setItemLabelGenerator(k -> getTranslation("relationship.kind." + k));
        relationKind.setValue("parent");
        addRelationship.setText(getTranslation("person.addRelationship"));
        addRelationship.addClickListener(e -> addRelationship());
        organization.setLabel(getTranslation("organizations.name"));
        role.setLabel(getTranslation("person.role"));
        addAffiliation.setText(getTranslation("person.addAffiliation"));
        addAffiliation.addClickListener(e -> addAffiliation());
        linkForms.add(relatedPerson, relationKind, addRelationship, organization, role, addAffiliation);
        linkForms.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        linkForms.setVisible(false);
        add(linkForms, linkMessage);
        links.setId("person-links");
        links.addColumn(s -> s).setHeader(getTranslation("person.links"));
        links.setAllRowsVisible(true);
        links.setVisible(false);
    }

    private VerticalLayout section(String key, com.vaadin.flow.component.Component... components) {
        FormLayout form = new FormLayout(components);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        VerticalLayout section = new VerticalLayout(new H3(getTranslation(key)), form);
        section.setPadding(false);
        return section;
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if ("new".equals(parameter)) {
            title.setText(getTranslation("person.title.new"));
            return;
        }
        Outcome<PersonView> found = Ids.withId(parameter, id -> people.get(UiSession.require(), id));
        if (!(found instanceof Outcome.Ok<PersonView> ok)) {
            event.rerouteTo(NotFoundView.class);
            return;
        }
        current = ok.value();
        title.setText(getTranslation("person.title.edit"));
        fill(current);
        showLinks(current);
        linkForms.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
    }

    private void fill(PersonView p) {
        familyName.setValue(nz(p.familyName()));
        givenName.setValue(nz(p.givenName()));
        familyNameKana.setValue(nz(p.familyNameKana()));
        givenNameKana.setValue(nz(p.givenNameKana()));
        birthDate.setValue(p.birthDate());
        email.setValue(nz(p.email()));
        phone.setValue(nz(p.phone()));
        postalCode.setValue(nz(p.postalCode()));
        prefecture.setValue(p.prefecture());
        city.setValue(nz(p.city()));
        addressLine1.setValue(nz(p.addressLine1()));
        addressLine2.setValue(nz(p.addressLine2()));
        notes.setValue(nz(p.notes()));
        newsletterConsent.setValue(p.newsletterConsent());
        noPostalMail.setValue(p.noPostalMail());
        noEmail.setValue(p.noEmail());
        sensitive.setValue(p.sensitive());
    }

    /** Relationships, affiliations and memberships, one line each, in the user's language. */
    private void showLinks(PersonView p) {
        java.util.List<String> lines = new java.util.ArrayList<>();
        p.relationships().forEach(r -> lines.add(getTranslation("relationship." + r.kind(), r.personName(), r.relatedPersonName())
            + dates(r.startsOn(), r.endsOn())));
        p.affiliations().forEach(a -> lines.add(getTranslation("affiliation.line", a.organizationName(), a.role() == null ? "" : a.role())
            + dates(a.startsOn(), a.endsOn())));
        p.memberships().forEach(m -> lines.add(getTranslation("membership.line", m.typeName(), m.units(),
            UiFormat.yen(m.duesPerPeriod(), getLocale()), getTranslation("membership.status." + m.status()))
            + dates(m.startsOn(), m.endsOn())));
        links.setItems(lines);
        links.setVisible(!lines.isEmpty());
    }

    void addRelationship() {
        linked(relationships.create(UiSession.require(), new org.tomoni.platform.members.RelationshipRequest(current.id().toString(),
            relatedPerson.getValue() == null ? null : relatedPerson.getValue().id().toString(), relationKind.getValue(), null, null, null)));
    }

    void addAffiliation() {
        linked(affiliations.create(UiSession.require(), new org.tomoni.platform.members.AffiliationRequest(current.id().toString(),
            organization.getValue() == null ? null : organization.getValue().id().toString(), role.getValue(), null, null, null)));
    }

    private void linked(Outcome<?> outcome) {
        if (outcome instanceof Outcome.Rejected<?> r) {
            linkMessage.setText(r.errors().isEmpty() ? getTranslation("person.forbidden")
                : messages.get("field." + r.errors().get(0).code(), getLocale()));
            return;
        }
        linkMessage.setText("");
        relatedPerson.clear();
        organization.clear();
        role.clear();
        current = people.get(UiSession.require(), current.id()).orThrow();
        showLinks(current);
    }

    private String dates(java.time.LocalDate from, java.time.LocalDate to) {
        if (from == null && to == null) {
            return "";
        }
        return "（" + UiFormat.date(from, getLocale()) + " 〜 " + UiFormat.date(to, getLocale()) + "）";
    }

    void save() {
        fields.values().forEach(f -> f.setInvalid(false));
        PersonRequest request = new PersonRequest(familyName.getValue(), givenName.getValue(), familyNameKana.getValue(),
            givenNameKana.getValue(), birthDate.getValue() == null ? null : birthDate.getValue().toString(), email.getValue(), phone.getValue(),
            postalCode.getValue(), prefecture.getValue(), city.getValue(), addressLine1.getValue(), addressLine2.getValue(), notes.getValue(),
            current == null || current.memberNumber() == null ? null : current.memberNumber().toString(),
            current == null || current.branchId() == null ? null : current.branchId().toString(),
            newsletterConsent.getValue(), noPostalMail.getValue(), noEmail.getValue(),
            current == null || current.deceasedOn() == null ? null : current.deceasedOn().toString(), sensitive.getValue());
        Outcome<PersonView> outcome = current == null ? people.create(UiSession.require(), request)
            : people.update(UiSession.require(), current.id(), current.version(), request);
        if (outcome instanceof Outcome.Ok<PersonView> ok) {
            notify(getTranslation("person.saved"), NotificationVariant.LUMO_SUCCESS);
            if (ok.value().possibleDuplicates() != null && !ok.value().possibleDuplicates().isEmpty()) {
                duplicates.setText(getTranslation("person.duplicates", ok.value().possibleDuplicates().get(0).name()));
                current = ok.value();
                return;
            }
            getUI().ifPresent(ui -> ui.navigate(PeopleView.class));
            return;
        }
        Outcome.Rejected<PersonView> rejected = (Outcome.Rejected<PersonView>) outcome;
        if (rejected.code() == ErrorCode.VALIDATION_FAILED) {
            for (FieldError error : rejected.errors()) {
                HasValidation field = fields.get(error.field());
                if (field != null) {
                    field.setErrorMessage(messages.get("field." + error.code(), getLocale()));
                    field.setInvalid(true);
                }
            }
            notify(getTranslation("person.invalid"), NotificationVariant.LUMO_ERROR);
        } else if (rejected.code() == ErrorCode.VERSION_CONFLICT) {
            notify(getTranslation("person.conflict"), NotificationVariant.LUMO_ERROR);
        } else {
            notify(getTranslation("person.forbidden"), NotificationVariant.LUMO_ERROR);
        }
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification n = Notification.show(text, 5000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(variant);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    UUID currentId() {
        return current == null ? null : current.id();
    }

    @Override
    public String getPageTitle() {
        return getTranslation(current == null ? "person.title.new" : "person.title.edit");
    }
}
