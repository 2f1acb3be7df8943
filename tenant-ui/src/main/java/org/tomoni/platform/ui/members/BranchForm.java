package org.tomoni.platform.ui.members;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.members.branches.BranchRequest;

import java.util.Map;

/**
 * The add-branch form: name and kana, bound to one {@link Draft} by a {@link Binder}. It knows no
 * facade: add is a {@link BoundForm.SaveEvent}, and the view that listens calls the domain and shows its
 * errors on {@link #fields()}.
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
    private final Binder<Draft> binder = new Binder<>();

    BranchForm() {
        binder.forField(name).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(nameKana).bind(d -> d.nameKana, (d, v) -> d.nameKana = v);
        add.addClickListener(e -> fireSave());
        getContent().add(name, nameKana, add);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        relabel();
    }

    /** Empties the form for the next branch. */
    void clear() {
        binder.readBean(new Draft());
    }

    /** What the form shows, as typed (the domain, not the form, judges it); no parent branch. */
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
        add.setText(getTranslation("organizations.add"));
    }
}
