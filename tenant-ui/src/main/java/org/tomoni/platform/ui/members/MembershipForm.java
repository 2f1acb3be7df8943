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
import org.tomoni.platform.ui.components.Pickers;

import java.util.Collection;
import java.util.Map;

/**
 * The add-membership form: a member (a person or an organisation, one picker labelled 個人／団体), a
 * membership type for that kind of member and the units, bound to one
 * {@link Draft} by a {@link Binder}. It knows no facade: add is a {@link BoundForm.SaveEvent}, and the view
 * that listens calls the domain and shows its errors.
 */
class MembershipForm extends BoundForm<HorizontalLayout, MembershipRequest> {
    /** What the form holds, as typed; one unit to begin with. */
    static final class Draft {
        Pickers.Party member;
        MembershipTypeView type;
        Integer units = 1;
    }

    final ComboBox<Pickers.Party> member;
    final Select<MembershipTypeView> newType = new Select<>();
    final IntegerField units = new IntegerField();
    final Button addMembership = new Button();
    private final Binder<Draft> binder = new Binder<>();

    private java.util.List<MembershipTypeView> allTypes = java.util.List.of();

    MembershipForm(People people, org.tomoni.platform.members.organizations.Organizations organizations) {
        member = Pickers.party(people, organizations);
        member.setId("membership-member");
        // Only the types for the member chosen: an organisation's, a person's, and those for both.
        member.addValueChangeListener(e -> offerTypes());
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

    /** The membership types to choose from (those for the chosen member's kind are offered). */
    void setTypes(Collection<MembershipTypeView> types) {
        allTypes = java.util.List.copyOf(types);
        offerTypes();
    }

    private void offerTypes() {
        Pickers.Party m = member.getValue();
        MembershipTypeView chosen = newType.getValue();
        java.util.List<MembershipTypeView> offered = allTypes.stream().filter(t -> m == null || "both".equals(t.memberKind())
            || t.memberKind().equals(m.organization() ? "organization" : "person")).toList();
        newType.setItems(offered);
        if (chosen != null && offered.stream().anyMatch(t -> t.id().equals(chosen.id()))) {
            newType.setValue(offered.stream().filter(t -> t.id().equals(chosen.id())).findFirst().orElseThrow());
        }
    }

    /** Empties the member for the next membership; type and units kept. */
    void clear() {
        member.clear();
    }

    /** What the form shows, as typed (the domain, not the form, judges it); a person's or an organisation's membership. */
    MembershipRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new MembershipRequest(d.member == null ? null : d.member.personId(), d.member == null ? null : d.member.organizationId(),
            d.type == null ? null : d.type.id().toString(), d.units, null, null);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("personId", member, "organizationId", member, "typeId", newType, "units", units);
    }

    @Override
    public MembershipRequest value() {
        return request();
    }

    @Override
    protected void relabel() {
        member.setLabel(getTranslation("memberships.member"));
        Pickers.labelParties(member);
        newType.setLabel(getTranslation("types.name"));
        units.setLabel(getTranslation("memberships.units"));
        addMembership.setText(getTranslation("memberships.add"));
    }
}
