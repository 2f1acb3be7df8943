package org.tomoni.platform.ui.giving;

import org.tomoni.platform.ui.components.BoundForm;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import org.tomoni.platform.giving.Donations.DonationRequest;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.ui.components.JapaneseDatePicker;
import org.tomoni.platform.ui.components.Pickers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one-off donation form (cash, bank transfer): donor, amount, date, method, kind, purpose and
 * note, bound to one {@link Draft} by a {@link Binder}. It knows no facade: add is a
 * {@link BoundForm.SaveEvent}, and the view that listens calls the domain and shows its errors on {@link #fields()}.
 */
class DonationForm extends BoundForm<HorizontalLayout, DonationRequest> {
    static final List<String> METHODS = List.of("cash", "bank_transfer");

    /** What the form holds, as typed. */
    static final class Draft {
        Pickers.Party donor;
        Integer amount;
        LocalDate receivedOn;
        String method = "bank_transfer";
        String kind = "donation";
        String purpose = "";
        String note = "";
    }

    final ComboBox<Pickers.Party> donor;
    final IntegerField amount = new IntegerField();
    final DatePicker receivedOn = new DatePicker();
    final Select<String> method = new Select<>();
    final Select<String> kind = new Select<>();
    final TextField purpose = new TextField();
    final TextField note = new TextField();
    final Button add = new Button();
    private final Span yenSuffix = new Span();
    private final Binder<Draft> binder = new Binder<>();
    private final Supplier<LocalDate> today;

    /** @param today the default date received (today in Tokyo) */
    DonationForm(People people, org.tomoni.platform.members.organizations.Organizations organizations, Supplier<LocalDate> today) {
        this.today = today;
        // A person or an organisation (a co-op's, a company's gift), labelled 個人／団体 in the one picker.
        donor = Pickers.party(people, organizations);
        binder.forField(donor).bind(d -> d.donor, (d, v) -> d.donor = v);
        binder.forField(amount).bind(d -> d.amount, (d, v) -> d.amount = v);
        binder.forField(receivedOn).bind(d -> d.receivedOn, (d, v) -> d.receivedOn = v);
        binder.forField(method).bind(d -> d.method, (d, v) -> d.method = v);
        binder.forField(kind).bind(d -> d.kind, (d, v) -> d.kind = v);
        binder.forField(purpose).bind(d -> d.purpose, (d, v) -> d.purpose = v);
        binder.forField(note).bind(d -> d.note, (d, v) -> d.note = v);
        donor.setId("donation-donor");
        donor.setWidth("18em");
        amount.setId("donation-amount");
        amount.setMin(1);
        amount.setSuffixComponent(yenSuffix);
        receivedOn.setId("donation-received-on");
        method.setId("donation-method");
        method.setItems(METHODS);
        kind.setId("donation-kind");
        kind.setItems(DonationsView.KINDS);
        purpose.setId("donation-purpose");
        note.setId("donation-note");
        add.setId("donation-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> fireSave());
        getContent().add(donor, amount, receivedOn, method, kind, purpose, note, add);
        getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        getContent().setWrap(true);
        Draft first = new Draft();
        first.receivedOn = today.get();
        binder.readBean(first);
        relabel();
    }

    /** Empties the form for the next donation: today again, the method and kind kept (a run of cash gifts). */
    void clear() {
        Draft next = new Draft();
        next.receivedOn = today.get();
        next.method = method.getValue();
        next.kind = kind.getValue();
        binder.readBean(next);
    }

    /** What the form shows, as typed (blank purpose and note are none); the domain judges it. */
    DonationRequest request() {
        Draft d = new Draft();
        binder.writeBeanAsDraft(d, true);
        return new DonationRequest(d.donor == null ? null : d.donor.personId(), d.amount == null ? null : d.amount.longValue(),
            d.receivedOn == null ? null : d.receivedOn.toString(), d.method, d.kind, blankToNull(d.purpose), blankToNull(d.note),
            d.donor == null ? null : d.donor.organizationId());
    }

    /** The fields by the names of the domain's errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("personId", donor, "organizationId", donor, "amount", amount, "receivedOn", receivedOn, "method", method, "kind", kind, "purpose", purpose,
            "note", note);
    }

    @Override
    public DonationRequest value() {
        return request();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    protected void relabel() {
        donor.setLabel(getTranslation("donations.donor"));
        Pickers.labelParties(donor);
        amount.setLabel(getTranslation("donations.amount"));
        yenSuffix.setText(getTranslation("plans.yenSuffix"));
        receivedOn.setLabel(getTranslation("donations.receivedOn"));
        receivedOn.setI18n(JapaneseDatePicker.i18n(getLocale()));
        method.setLabel(getTranslation("donations.method"));
        method.setItemLabelGenerator(m -> getTranslation("gift.method." + m));
        kind.setLabel(getTranslation("donations.kind"));
        kind.setItemLabelGenerator(k -> getTranslation("donation.kind." + k));
        purpose.setLabel(getTranslation("donations.purpose"));
        note.setLabel(getTranslation("donations.note"));
        add.setText(getTranslation("donations.add"));
    }
}
