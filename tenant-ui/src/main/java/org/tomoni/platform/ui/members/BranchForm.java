package org.tomoni.platform.ui.members;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.shared.Registration;
import org.tomoni.platform.members.BranchRequest;

import java.util.Map;

/**
 * The add-branch form: name and kana, bound to one {@link Draft} by a {@link Binder}. It knows no
 * facade: add is a {@link SaveEvent}, and the view that listens calls the domain and shows its
 * errors on {@link #fields()}.
 */
class BranchForm extends Composite<HorizontalLayout> implements LocaleChangeObserver {
    /** Add was clicked; {@link #request()} holds what the form shows. */
    static final class SaveEvent extends ComponentEvent<BranchForm> {
        SaveEvent(BranchForm source) {
            super(source, false);
        }

        BranchRequest request() {
            return getSource().request();
        }
    }

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
        add.addClickListener(e -> fireEvent(new SaveEvent(this)));
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
    Map<String, HasValidation> fields() {
        return Map.of("name", name, "nameKana", nameKana);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        name.setLabel(getTranslation("branches.name"));
        nameKana.setLabel(getTranslation("branches.nameKana"));
        add.setText(getTranslation("organizations.add"));
    }
}
