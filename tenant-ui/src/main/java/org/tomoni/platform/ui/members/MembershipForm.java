package org.tomoni.platform.ui.members;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.ui.components.Pickers;

import java.util.Collection;
import java.util.Map;

/**
 * The add-membership form: a person, a membership type for people and the units, bound to one
 * {@link Draft} by a {@link Binder}. It knows no facade: add is a {@link BoundForm.SaveEvent}, and the view
 * that listens calls the domain and shows its errors.
 */
class MembershipForm extends BoundForm<HorizontalLayout, MembershipRequest> {
    /** What the form holds, as typed; one unit to begin with. */
    static final class Draft {
        PersonView member;
        MembershipTypeView type;
        Integer units = 1;
    }

    final ComboBox<PersonView> member;
    final Select<MembershipTypeView> newType = new Select<>();
    final IntegerField units = new IntegerField();
    final Button addMembership = new Button();
    private final Binder<Draft> binder = new Binder<>();

    MembershipForm(People people) {
        member = Pickers.person(people);
        binder.forField(member).bind(d -> d.member, (d, v) -> d.member = v);
        binder.forField(newType).bind(d -> d.type, (d, v) -> d.type = v);
        binder.forField(units).bind(d -> d.units, (d, v) -> d.units = v);
        member.setWidth("20em");
        newType.setItemLabelGenerator(MembershipTypeView::name);
        units.setMin(1);
        addMembership.addClickListener(e -> fireSave());
        getContent().add(member, newType, units, addMembership);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        binder.readBean(new Draft());
        relabel();
    }

    /** The membership types to choose from. */
    void setTypes(Collection<MembershipTypeView> types) {
        newType.setItems(types);
    }

    /** Empties the member for the next membership; type and units kept. */
    void clear() {
        member.clear();
    }

    /** What the form shows, as typed (the domain, not the form, judges it); a person's membership. */
    MembershipRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new MembershipRequest(d.member == null ? null : d.member.id().toString(), null, d.type == null ? null : d.type.id().toString(),
            d.units, null, null);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("personId", member, "typeId", newType, "units", units);
    }

    @Override
    public MembershipRequest value() {
        return request();
    }

    @Override
    protected void relabel() {
        member.setLabel(getTranslation("memberships.member"));
        newType.setLabel(getTranslation("types.name"));
        units.setLabel(getTranslation("memberships.units"));
        addMembership.setText(getTranslation("memberships.add"));
    }
}
