package org.tomoni.platform.ui.members;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.members.branches.BranchView;
import org.tomoni.platform.ui.components.PersonDetails;
import org.tomoni.platform.ui.components.PersonFields;

import java.util.List;
import java.util.Map;

/**
 * The staff's person form: the shared {@link PersonFields}, the flags and notes, and save and
 * cancel, all bound to one {@link PersonDetails} by a {@link Binder}. It knows no facade: save and
 * cancel are events, and the view that listens calls the domain and shows its errors on
 * {@link #fields()}.
 */
class PersonForm extends BoundForm<VerticalLayout, PersonDetails> {
    final PersonFields person = new PersonFields(PersonFields.Style.STAFF);
    final TextArea notes = new TextArea();
    final Checkbox newsletterConsent = new Checkbox();
    final Checkbox noPostalMail = new Checkbox();
    final Checkbox noEmail = new Checkbox();
    final Checkbox sensitive = new Checkbox();
    /** The person's branch (支部), or none; the view fills the choices and reads it, outside the binder. */
    final ComboBox<BranchView> branch = new ComboBox<>();
    final Button save = new Button();
    final Button cancel = new Button();
    private final H3 flagsTitle = new H3();
    private final Binder<PersonDetails> binder = new Binder<>();

    /**
     * @param canWrite whether the user may save (read-only users see the form disabled for saving)
     * @param admin    whether the user may mark a person sensitive
     */
    PersonForm(boolean canWrite, boolean admin) {
        person.bind(binder);
        binder.forField(notes).bind(PersonDetails::getNotes, PersonDetails::setNotes);
        binder.forField(newsletterConsent).bind(PersonDetails::isNewsletterConsent, PersonDetails::setNewsletterConsent);
        binder.forField(noPostalMail).bind(PersonDetails::isNoPostalMail, PersonDetails::setNoPostalMail);
        binder.forField(noEmail).bind(PersonDetails::isNoEmail, PersonDetails::setNoEmail);
        binder.forField(sensitive).bind(PersonDetails::isSensitive, PersonDetails::setSensitive);
        notes.setId("person-notes");
        newsletterConsent.setId("person-newsletterConsent");
        noPostalMail.setId("person-noPostalMail");
        noEmail.setId("person-noEmail");
        sensitive.setId("person-sensitive");
        sensitive.setVisible(admin);
        branch.setId("person-branch");
        branch.setItemLabelGenerator(BranchView::name);
        branch.setClearButtonVisible(true);
        save.setId("person-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(canWrite);
        save.addClickListener(e -> fireSave());
        cancel.addClickListener(e -> fireCancel());
        FormLayout flags = new FormLayout(branch, newsletterConsent, noPostalMail, noEmail, sensitive, notes);
        flags.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        VerticalLayout flagsSection = new VerticalLayout(flagsTitle, flags);
        flagsSection.setPadding(false);
        getContent().setPadding(false);
        getContent().add(person, flagsSection, new HorizontalLayout(save, cancel));
        relabel();
    }

    /** Shows a person to edit. */
    void read(PersonDetails details) {
        binder.readBean(details);
    }

    /** What the form shows, as typed (the domain, not the form, judges it). */
    PersonDetails details() {
        PersonDetails details = new PersonDetails();
        binder.writeBeanAsDraft(details, true);
        return details;
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = person.fields("");
        fields.put("notes", notes);
        fields.put("branchId", branch);
        return fields;
    }

    @Override
    public PersonDetails value() {
        return details();
    }

    @Override
    protected void relabel() {
        flagsTitle.setText(getTranslation("person.section.flags"));
        notes.setLabel(getTranslation("person.notes"));
        branch.setLabel(getTranslation("person.branch"));
        branch.setPlaceholder(getTranslation("person.branch.none"));
        for (Checkbox c : List.of(newsletterConsent, noPostalMail, noEmail, sensitive)) {
            c.setLabel(getTranslation("person." + c.getId().orElseThrow().substring("person-".length())));
        }
        save.setText(getTranslation("person.save"));
        cancel.setText(getTranslation("person.cancel"));
    }
}
