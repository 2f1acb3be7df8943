package org.tomoni.platform.ui.giving;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;

import java.util.List;
import java.util.Map;

/**
 * The plan form (add, or edit one opened from the list): name, amount, interval, purpose and
 * published, bound to one {@link Draft} by a {@link Binder}. It knows no facade: add/save is a
 * {@link BoundForm.SaveEvent}, cancel a {@link BoundForm.CancelEvent}, and the view that listens calls
 * the domain and shows its errors on {@link #fields()}.
 */
class GiftPlanForm extends BoundForm<HorizontalLayout, PlanRequest> {
    static final List<String> INTERVALS = List.of("monthly", "yearly", "once");

    /** What the form holds, as typed; a new one carries the defaults (monthly, published). */
    static final class Draft {
        String name = "";
        Integer unitAmount;
        String interval = "monthly";
        String purpose = "";
        boolean published = true;
    }

    final TextField name = new TextField();
    final IntegerField unitAmount = new IntegerField();
    final Select<String> interval = new Select<>();
    final TextField purpose = new TextField();
    final Checkbox published = new Checkbox();
    final Button add = new Button();
    /** Leaves the plan being edited as stored (shown while editing). */
    final Button cancel = new Button();
    private final Span yenSuffix = new Span();
    private final Binder<Draft> binder = new Binder<>();
    private boolean editing;

    GiftPlanForm() {
        binder.forField(name).bind(d -> d.name, (d, v) -> d.name = v);
        binder.forField(unitAmount).bind(d -> d.unitAmount, (d, v) -> d.unitAmount = v);
        binder.forField(interval).bind(d -> d.interval, (d, v) -> d.interval = v);
        binder.forField(purpose).bind(d -> d.purpose, (d, v) -> d.purpose = v);
        binder.forField(published).bind(d -> d.published, (d, v) -> d.published = v);
        name.setId("plan-name");
        unitAmount.setId("plan-unit-amount");
        unitAmount.setMin(1);
        unitAmount.setSuffixComponent(yenSuffix);
        interval.setId("plan-interval");
        interval.setItems(INTERVALS);
        purpose.setId("plan-purpose");
        published.setId("plan-published");
        add.setId("plan-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> fireSave());
        cancel.setId("plan-cancel");
        cancel.addClickListener(e -> fireCancel());
        getContent().add(name, unitAmount, interval, purpose, published, add, cancel);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        clear();
        relabel();
    }

    /** Empties the form for the next plan, with the defaults again. */
    void clear() {
        binder.readBean(new Draft());
        editing = false;
        cancel.setVisible(false);
        relabel();
    }

    /** Shows a plan to edit: add reads "save", cancel appears. */
    void edit(PlanView plan) {
        Draft d = new Draft();
        d.name = plan.name();
        d.unitAmount = Math.toIntExact(plan.unitAmount());
        d.interval = plan.interval();
        d.purpose = plan.purpose() == null ? "" : plan.purpose();
        d.published = plan.published();
        binder.readBean(d);
        editing = true;
        cancel.setVisible(true);
        relabel();
    }

    /** What the form shows, as typed (the domain, not the form, judges it). */
    PlanRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new PlanRequest(d.name, d.unitAmount == null ? null : d.unitAmount.longValue(), d.interval, d.purpose, d.published);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("name", name, "unitAmount", unitAmount, "interval", interval, "purpose", purpose);
    }

    @Override
    public PlanRequest value() {
        return request();
    }

    @Override
    protected void relabel() {
        name.setLabel(getTranslation("plans.name"));
        unitAmount.setLabel(getTranslation("plans.unitAmount"));
        yenSuffix.setText(getTranslation("plans.yenSuffix"));
        interval.setLabel(getTranslation("plans.interval"));
        interval.setItemLabelGenerator(i -> getTranslation("interval." + i));
        purpose.setLabel(getTranslation("plans.purpose"));
        purpose.setHelperText(getTranslation("plans.purpose.help"));
        published.setLabel(getTranslation("plans.published"));
        add.setText(getTranslation(editing ? "plans.save" : "plans.add"));
        cancel.setText(getTranslation("plans.cancel"));
    }
}
