package org.tomoni.platform.ui.giving;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.RecurringGifts.GiftRequest;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonView;
import org.tomoni.platform.ui.components.MonthPicker;
import org.tomoni.platform.ui.components.Pickers;
import org.tomoni.platform.ui.components.UiFormat;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The add-gift form: donor, plan, units, payment method and start month, with the total as the
 * units change, bound to one {@link Draft} by a {@link Binder}. It knows no facade: add is a
 * {@link BoundForm.SaveEvent}, and the view that listens calls the domain and shows its errors on {@link #fields()}.
 */
class RecurringGiftForm extends BoundForm<HorizontalLayout, GiftRequest> {
    static final List<String> METHODS = List.of("direct_debit", "card", "bank_transfer", "cash");

    /** What the form holds, as typed. */
    static final class Draft {
        PersonView donor;
        PlanView plan;
        Integer units = 1;
        String method = "direct_debit";
        String startMonth;
    }

    final ComboBox<PersonView> donor;
    final Select<PlanView> plan = new Select<>();
    final IntegerField units = new IntegerField();
    final Select<String> method = new Select<>();
    final ComboBox<String> startMonth;
    final Span total = new Span();
    final Button add = new Button();
    private final Binder<Draft> binder = new Binder<>();

    RecurringGiftForm(People people, Clock clock) {
        donor = Pickers.person(people);
        startMonth = MonthPicker.create(clock);
        binder.forField(donor).bind(d -> d.donor, (d, v) -> d.donor = v);
        binder.forField(plan).bind(d -> d.plan, (d, v) -> d.plan = v);
        binder.forField(units).bind(d -> d.units, (d, v) -> d.units = v);
        binder.forField(method).bind(d -> d.method, (d, v) -> d.method = v);
        binder.forField(startMonth).bind(d -> d.startMonth, (d, v) -> d.startMonth = v);
        donor.setId("gift-donor");
        donor.setWidth("20em");
        plan.setId("gift-plan");
        plan.addValueChangeListener(e -> updateTotal());
        units.setId("gift-units");
        units.setMin(1);
        units.setStepButtonsVisible(true);
        units.setValueChangeMode(ValueChangeMode.EAGER);
        units.addValueChangeListener(e -> updateTotal());
        method.setId("gift-method");
        method.setItems(METHODS);
        startMonth.setId("gift-start-month");
        total.setId("gift-total");
        add.setId("gift-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> fireSave());
        getContent().add(donor, plan, units, method, startMonth, total, add);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        Draft first = new Draft();
        first.startMonth = MonthPicker.nextMonth(clock);
        binder.readBean(first);
        relabel();
    }

    /** The tenant's plans to choose from. */
    void setPlans(Collection<PlanView> plans) {
        plan.setItems(plans);
    }

    /** Empties the form for the next gift: a new donor and one unit; plan, method and month kept. */
    void clear() {
        Draft next = new Draft();
        next.plan = plan.getValue();
        next.method = method.getValue();
        next.startMonth = startMonth.getValue();
        binder.readBean(next);
    }

    /** What the form shows, as typed (the domain, not the form, judges it). */
    GiftRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new GiftRequest(d.donor == null ? null : d.donor.id().toString(), d.plan == null ? null : d.plan.id().toString(), d.units,
            d.method, d.startMonth);
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("personId", donor, "planId", plan, "units", units, "paymentMethod", method, "startMonth", startMonth);
    }

    @Override
    public GiftRequest value() {
        return request();
    }

    private void updateTotal() {
        PlanView p = plan.getValue();
        Integer u = units.getValue();
        total.setText(p == null || u == null || u < 1 ? ""
            : getTranslation("gifts.total", UiFormat.yen(p.unitAmount() * u, getLocale()), getTranslation("interval." + p.interval())));
    }

    private String planLabel(PlanView p) {
        return p == null ? "" : getTranslation("gifts.planLabel", p.name(), UiFormat.yen(p.unitAmount(), getLocale()),
            getTranslation("interval." + p.interval()));
    }

    @Override
    protected void relabel() {
        donor.setLabel(getTranslation("gifts.donor"));
        plan.setLabel(getTranslation("gifts.plan"));
        plan.setItemLabelGenerator(this::planLabel);
        units.setLabel(getTranslation("gifts.units"));
        method.setLabel(getTranslation("gifts.paymentMethod"));
        method.setItemLabelGenerator(m -> getTranslation("gift.method." + m));
        startMonth.setLabel(getTranslation("gifts.startMonth"));
        add.setText(getTranslation("gifts.add"));
        updateTotal();
    }
}
