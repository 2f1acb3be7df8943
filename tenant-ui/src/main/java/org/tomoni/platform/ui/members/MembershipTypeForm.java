package org.tomoni.platform.ui.members;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;

import java.util.Map;

/**
 * The add-membership-type form (a line of the fee schedule): name, fee, period, who it is for and
 * whether the fee is per unit, bound to one {@link Draft} by a {@link Binder}. It knows no facade:
 * add is a {@link BoundForm.SaveEvent}, and the view that listens calls the domain and shows its errors on {@link #fields()}.
 */
class MembershipTypeForm extends BoundForm<HorizontalLayout, MembershipTypeRequest> {
    /** What the form holds, as typed; a new one is monthly, for people, not per unit. */
    static final class Draft {
        String name = "";
        Integer fee;
        String period = "monthly";
        String memberKind = "person";
        boolean perUnit;
    }

    final TextField typeName = new TextField();
    final IntegerField fee = new IntegerField();
    final Select<String> period = new Select<>();
    final Select<String> memberKind = new Select<>();
    final Checkbox perUnit = new Checkbox();
    final Button addType = new Button();
    private final Binder<Draft> binder = new Binder<>();

    MembershipTypeForm() {
        binder.forField(typeName).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(fee).bind(d -> d.fee, (d, v) -> d.fee = v);
        binder.forField(period).bind(d -> d.period, (d, v) -> d.period = v);
        binder.forField(memberKind).bind(d -> d.memberKind, (d, v) -> d.memberKind = v);
        binder.forField(perUnit).bind(d -> d.perUnit, (d, v) -> d.perUnit = v);
        period.setItems("monthly", "yearly", "once");
        memberKind.setItems("person", "organization", "both");
        addType.addClickListener(e -> fireSave());
        getContent().add(typeName, fee, period, memberKind, perUnit, addType);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        binder.readBean(new Draft());
        relabel();
    }

    /** Empties the name and fee for the next type; period, kind and per unit kept. */
    void clear() {
        Draft next = new Draft();
        next.period = period.getValue();
        next.memberKind = memberKind.getValue();
        next.perUnit = perUnit.getValue();
        binder.readBean(next);
    }

    /** What the form shows, as typed (the domain, not the form, judges it). */
    MembershipTypeRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new MembershipTypeRequest(d.name, d.fee == null ? null : d.fee.longValue(), d.period, d.perUnit, d.memberKind, null);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("name", typeName, "feeYen", fee, "period", period, "memberKind", memberKind);
    }

    @Override
    public MembershipTypeRequest value() {
        return request();
    }

    @Override
    protected void relabel() {
        typeName.setLabel(getTranslation("types.name"));
        fee.setLabel(getTranslation("types.fee"));
        period.setLabel(getTranslation("types.period"));
        period.setItemLabelGenerator(p -> getTranslation("period." + p));
        memberKind.setLabel(getTranslation("types.memberKind"));
        memberKind.setItemLabelGenerator(k -> getTranslation("memberKind." + k));
        perUnit.setLabel(getTranslation("types.perUnit"));
        addType.setText(getTranslation("organizations.add"));
    }
}
