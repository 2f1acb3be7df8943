package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.links.AffiliationRequest;
import org.tomoni.platform.members.links.Affiliations;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.members.links.RelationshipRequest;
import org.tomoni.platform.members.links.RelationshipView;
import org.tomoni.platform.members.links.Relationships;
import org.tomoni.platform.members.branches.Branches;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Ids;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LocalizedView;
import org.tomoni.platform.ui.components.PersonDetails;
import org.tomoni.platform.giving.Charges;
import org.tomoni.platform.giving.DebitBatches;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.ui.components.ChargesPanel;
import org.tomoni.platform.ui.components.PersonDonationsPanel;
import org.tomoni.platform.ui.components.Pickers;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.UiSession;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * A person's form ({@link PersonForm}: name and reading, contact, address with a prefecture
 * select, branch, flags), archiving (confirmed), and the person's relationships (each removable,
 * confirmed), affiliations and memberships. The domain
 * validates; its messages appear next to each field in the user's language. An optimistic-lock
 * conflict is explained, not overwritten.
 */
@Route(value = "person", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class PersonFormView extends LocalizedView implements HasUrlParameter<String> {
    final PersonForm editor;
    final Span duplicates = new Span();
    final Grid<String> links = new Grid<>();
    final ComboBox<PersonView> relatedPerson;
    final Select<String> relationKind = new Select<>();
    final Button addRelationship = new Button();
    final ComboBox<OrganizationView> organization;
    final TextField role = new TextField();
    final Button addAffiliation = new Button();
    final Span linkMessage = new Span();
    /** Archives the person shown, after a confirmation (shown for a stored person to users who may write). */
    final Button archive = new Button();
    /** The relationships of the person shown by the line that shows them, for their remove buttons. */
    final Map<String, RelationshipView> removable = new HashMap<>();
    private final Grid.Column<String> linksColumn;
    private final HorizontalLayout linkForms = new HorizontalLayout();
    private final Relationships relationships;
    private final Affiliations affiliations;
    /** The person's charges and money received (shown to those who may read giving). */
    final ChargesPanel charges;
    final PersonDonationsPanel donations;
    private final H2 title = new H2();
    private final People people;
    private final Messages messages;
    private PersonView current;

    PersonFormView(People people, Messages messages, Organizations organizations, Relationships relationships, Affiliations affiliations,
                   Branches branches, Charges charges, DebitBatches batches, Donations donations,
                   org.tomoni.platform.shared.PostalCodes postalCodes) {
        super("person.title.new");
        this.charges = new ChargesPanel(charges, batches, messages, ChargesPanel.Mode.PERSON);
        this.donations = new PersonDonationsPanel(donations);
        this.people = people;
        this.relationships = relationships;
        this.affiliations = affiliations;
        this.relatedPerson = Pickers.person(people);
        this.organization = Pickers.organization(organizations);
        this.messages = messages;
        editor = new PersonForm(UiSession.allows(Capability.PEOPLE_WRITE), UiSession.allows(Capability.PEOPLE_SENSITIVE));
        editor.addSaveListener(e -> save(e.value()));
        editor.addCancelListener(e -> getUI().ifPresent(ui -> ui.navigate(PeopleView.class)));
        editor.branch.setItems(branches.all(UiSession.require()));
        editor.person.lookUpAddresses(postalCodes);
        archive.setId("person-archive");
        archive.addThemeVariants(ButtonVariant.LUMO_ERROR);
        archive.addClickListener(e -> confirmArchive());
        archive.setVisible(false);
        duplicates.setId("person-duplicates");
        relationKind.setItems("parent", "guardian", "spouse");
        relationKind.setValue("parent");
        addRelationship.addClickListener(e -> addRelationship());
        addAffiliation.addClickListener(e -> addAffiliation());
        linkForms.add(relatedPerson, relationKind, addRelationship, organization, role, addAffiliation);
        linkForms.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        linkForms.setWrap(true);
        linkForms.setWidthFull();
        linkForms.setVisible(false);
        links.setId("person-links");
        linksColumn = links.addColumn(s -> s);
        links.addComponentColumn(this::removeButton).setAutoWidth(true).setFlexGrow(0);
        links.setAllRowsVisible(true);
        links.setVisible(false);
        add(title, editor, archive, duplicates, links, linkForms, linkMessage, this.donations, this.charges);
        localize();
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        if ("new".equals(parameter)) {
            relabel();
            return;
        }
        Outcome<PersonView> found = Ids.withId(parameter, id -> people.get(UiSession.require(), id));
        if (!(found instanceof Outcome.Ok<PersonView> ok)) {
            event.rerouteTo(NotFoundView.class);
            return;
        }
        current = ok.value();
        editor.read(PersonDetails.of(current));
        editor.branch.setValue(current.branchId() == null ? null : editor.branch.getListDataView().getItems()
            .filter(b -> b.id().equals(current.branchId())).findFirst().orElse(null));
        archive.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        relabel();
        showLinks(current);
        linkForms.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        if (UiSession.allows(Capability.GIVING_READ)) {
            donations.show(current.id());
            charges.show(current.id());
        }
    }

    /** Relationships, affiliations and memberships, one line each, in the user's language. */
    private void showLinks(PersonView p) {
        List<String> lines = new ArrayList<>();
        removable.clear();
        p.relationships().forEach(r -> {
            String line = getTranslation("relationship." + r.kind(), r.personName(), r.relatedPersonName()) + dates(r.startsOn(), r.endsOn());
            lines.add(line);
            removable.put(line, r);
        });
        p.affiliations().forEach(a -> lines.add(getTranslation("affiliation.line", a.organizationName(), a.role() == null ? "" : a.role())
            + dates(a.startsOn(), a.endsOn())));
        p.memberships().forEach(m -> lines.add(getTranslation("membership.line", m.typeName(), m.units(),
            UiFormat.yen(m.duesPerPeriod(), getLocale()), getTranslation("membership.status." + m.status()))
            + dates(m.startsOn(), m.endsOn())));
        links.setItems(lines);
        links.setVisible(!lines.isEmpty());
    }

    /** A remove button on a relationship's line, for users who may write. */
    private Component removeButton(String line) {
        RelationshipView r = removable.get(line);
        if (r == null || !UiSession.allows(Capability.PEOPLE_WRITE)) {
            return new Span();
        }
        Button remove = new Button(getTranslation("person.removeRelationship"), e -> confirmRemove(r));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        return remove;
    }

    /** Removing a relationship cannot be undone (enter it again instead), so it asks first. */
    ConfirmDialog confirmRemove(RelationshipView r) {
        ConfirmDialog dialog = Confirmations.of("relationship-remove-confirm", getTranslation("person.removeRelationship.header"),
            getTranslation("person.removeRelationship.text", getTranslation("relationship." + r.kind(), r.personName(), r.relatedPersonName())),
            getTranslation("person.removeRelationship"), getTranslation("person.keep"), () -> removeRelationship(r));
        dialog.open();
        return dialog;
    }

    void removeRelationship(RelationshipView r) {
        Outcome<Void> outcome = relationships.delete(UiSession.require(), r.id());
        if (outcome instanceof Outcome.Rejected<Void> rejected) {
            linkMessage.setText(messages.get(rejected.code().messageKey(), getLocale()));
        } else {
            linkMessage.setText(getTranslation("person.relationshipRemoved"));
        }
        current = people.get(UiSession.require(), current.id()).orThrow();
        showLinks(current);
    }

    /** Archiving takes the person off the lists (the people list's "archived" filter shows them again), so it asks first. */
    ConfirmDialog confirmArchive() {
        ConfirmDialog dialog = Confirmations.of("person-archive-confirm", getTranslation("person.archive.header"),
            getTranslation("person.archive.text", current.fullName()), getTranslation("person.archive"), getTranslation("person.keep"),
            this::archivePerson);
        dialog.open();
        return dialog;
    }

    void archivePerson() {
        Outcome<Void> outcome = people.archive(UiSession.require(), current.id());
        if (outcome instanceof Outcome.Rejected<Void> rejected) {
            FieldErrors.notify(messages.get(rejected.code().messageKey(), getLocale()), NotificationVariant.LUMO_ERROR);
            return;
        }
        FieldErrors.notify(getTranslation("person.archived", current.fullName()), NotificationVariant.LUMO_SUCCESS);
        getUI().ifPresent(ui -> ui.navigate(PeopleView.class));
    }

    void addRelationship() {
        linked(relationships.create(UiSession.require(), new RelationshipRequest(current.id().toString(),
            relatedPerson.getValue() == null ? null : relatedPerson.getValue().id().toString(), relationKind.getValue(), null, null, null)));
    }

    void addAffiliation() {
        linked(affiliations.create(UiSession.require(), new AffiliationRequest(current.id().toString(),
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

    private String dates(LocalDate from, LocalDate to) {
        if (from == null && to == null) {
            return "";
        }
        return "（" + UiFormat.date(from, getLocale()) + " 〜 " + UiFormat.date(to, getLocale()) + "）";
    }

    /** Creates or updates (with the version shown) the person as the form holds it. */
    void save(PersonDetails d) {
        FieldErrors.clear(editor.fields());
        PersonRequest request = new PersonRequest(nz(d.getFamilyName()), nz(d.getGivenName()), nz(d.getFamilyNameKana()),
            nz(d.getGivenNameKana()), d.getBirthDate() == null ? null : d.getBirthDate().toString(), nz(d.getEmail()), nz(d.getPhone()),
            nz(d.getPostalCode()), d.getPrefecture(), nz(d.getCity()), nz(d.getAddressLine1()), nz(d.getAddressLine2()), nz(d.getNotes()),
            current == null || current.memberNumber() == null ? null : current.memberNumber().toString(),
            editor.branch.getValue() == null ? null : editor.branch.getValue().id().toString(),
            d.isNewsletterConsent(), d.isNoPostalMail(), d.isNoEmail(),
            current == null || current.deceasedOn() == null ? null : current.deceasedOn().toString(), d.isSensitive());
        Outcome<PersonView> outcome = current == null ? people.create(UiSession.require(), request)
            : people.update(UiSession.require(), current.id(), current.version(), request);
        if (outcome instanceof Outcome.Ok<PersonView> ok) {
            FieldErrors.notify(getTranslation("person.saved"), NotificationVariant.LUMO_SUCCESS);
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
            FieldErrors.mark(rejected, editor.fields(), messages, getLocale());
            FieldErrors.notify(getTranslation("person.invalid"), NotificationVariant.LUMO_ERROR);
        } else if (rejected.code() == ErrorCode.VERSION_CONFLICT) {
            FieldErrors.notify(getTranslation("person.conflict"), NotificationVariant.LUMO_ERROR);
        } else {
            FieldErrors.notify(getTranslation("person.forbidden"), NotificationVariant.LUMO_ERROR);
        }
    }

    /** A field left empty goes to the domain as empty text, as the form showed it. */
    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    protected void relabel() {
        title.setText(getPageTitle());
        relatedPerson.setLabel(getTranslation("person.relatedPerson"));
        relationKind.setLabel(getTranslation("person.relationKind"));
        relationKind.setItemLabelGenerator(k -> getTranslation("relationship.kind." + k));
        addRelationship.setText(getTranslation("person.addRelationship"));
        organization.setLabel(getTranslation("organizations.name"));
        role.setLabel(getTranslation("person.role"));
        addAffiliation.setText(getTranslation("person.addAffiliation"));
        linksColumn.setHeader(getTranslation("person.links"));
        archive.setText(getTranslation("person.archive"));
    }

    @Override
    protected void redraw() {
        if (current != null) {
            showLinks(current);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation(current == null ? "person.title.new" : "person.title.edit");
    }
}
