package org.tomoni.platform.ui.members;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.members.branches.BranchRequest;
import org.tomoni.platform.members.branches.BranchView;

import java.util.Map;

/**
 * The branch form (add, or edit one opened from the list): name and kana, bound to one
 * {@link Draft} by a {@link Binder}. It knows no facade: add/save is a {@link BoundForm.SaveEvent},
 * cancel a {@link BoundForm.CancelEvent}, and the view that listens calls the domain (and deletes
 * through {@link #delete}) and shows its errors on {@link #fields()}.
 */
class BranchForm extends BoundForm<HorizontalLayout, BranchRequest> {
    /** What the form holds, as typed. */
    static final class Draft {
        String name = "";
        String nameKana = "";
    }

    final TextField name = new TextField();
    final TextField nameKana = new TextField();
    final Button add = new Button();
    /** Leaves the branch being edited as stored (shown while editing). */
    final Button cancel = new Button();
    /** Deletes the branch being edited, after a confirmation (shown while editing). */
    final Button delete = new Button();
    private final Binder<Draft> binder = new Binder<>();
    private boolean editing;

    BranchForm() {
        binder.forField(name).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(nameKana).bind(d -> d.nameKana, (d, v) -> d.nameKana = v);
        name.setId("branch-name");
        nameKana.setId("branch-name-kana");
        add.setId("branch-save");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> fireSave());
        cancel.setId("branch-cancel");
        cancel.addClickListener(e -> fireCancel());
        delete.setId("branch-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        getContent().add(name, nameKana, add, cancel, delete);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        clear();
    }

    /** Shows a branch to edit: add reads "save", cancel and delete appear. */
    void edit(BranchView branch) {
        Draft d = new Draft();
        d.name = branch.name();
        d.nameKana = branch.nameKana() == null ? "" : branch.nameKana();
        binder.readBean(d);
        editing = true;
        cancel.setVisible(true);
        delete.setVisible(true);
        relabel();
    }

    /** Empties the form for the next branch. */
    void clear() {
        binder.readBean(new Draft());
        editing = false;
        cancel.setVisible(false);
        delete.setVisible(false);
        relabel();
    }

    /** What the form shows, as typed (the domain, not the form, judges it); no notes. */
    BranchRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new BranchRequest(d.name, d.nameKana, null);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("name", name, "nameKana", nameKana);
    }

    @Override
    public BranchRequest value() {
        return request();
    }

    @Override
    protected void relabel() {
        name.setLabel(getTranslation("branches.name"));
        nameKana.setLabel(getTranslation("branches.nameKana"));
        add.setText(getTranslation(editing ? "person.save" : "organizations.add"));
        cancel.setText(getTranslation("organizations.cancel"));
        delete.setText(getTranslation("branches.delete"));
    }
}
