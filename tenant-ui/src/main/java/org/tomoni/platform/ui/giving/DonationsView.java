package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationRequest;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.giving.Receipts;
import org.tomoni.platform.giving.Receipts.ReceiptView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.components.PersonDonationsPanel;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Money received (寄付・会費): every donation and fee, newest first, by year and kind; staff enter
 * one-off donations (cash, bank transfer) and issue the receipt of a selected donation (after a
 * confirmation naming donor, year and amount).
 */
@Route(value = "giving/donations", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class DonationsView extends ListView<DonationView> {
    static final List<String> KINDS = List.of("donation", "fee");
    static final List<String> CORRECTED_METHODS = List.of("cash", "bank_transfer", "direct_debit", "card");
    final H2 title = new H2();
    final DonationForm form;
    final Select<Integer> yearFilter = new Select<>();
    final Select<String> kindFilter = new Select<>();
    final Button issue = new Button();
    /** Cancels the selected donation with a counter-entry, after a confirmation that asks the reason. */
    final Button cancel = new Button();
    /** Corrects the selected donation (counter-entry and corrected entry), after a confirmation with the corrected values. */
    final Button correct = new Button();
    final TextField reason = new TextField();
    final IntegerField correctedAmount = new IntegerField();
    final DatePicker correctedOn = new DatePicker();
    final Select<String> correctedMethod = new Select<>();
    final TextField correctedPurpose = new TextField();
    private final Map<String, Grid.Column<DonationView>> columns = new LinkedHashMap<>();
    private final Donations donations;
    private final Receipts receipts;
    private final Messages messages;
    private final Clock clock;
    private final boolean canWrite;

    DonationsView(Donations donations, Receipts receipts, People people, org.tomoni.platform.members.organizations.Organizations organizations,
                  Messages messages, Clock clock) {
        super("donations.title", "donations.none", "donations.empty", true);
        this.donations = donations;
        this.receipts = receipts;
        this.messages = messages;
        this.clock = clock;
        setSizeFull();
        canWrite = UiSession.allows(Capability.GIVING_WRITE);

        form = new DonationForm(people, organizations, this::today);
        form.addSaveListener(e -> create(e.value()));
        form.setVisible(canWrite);

        int thisYear = today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = thisYear; y >= thisYear - 9; y--) {
            years.add(y);
        }
        yearFilter.setId("donation-year-filter");
        yearFilter.setItems(years);
        yearFilter.setEmptySelectionAllowed(true);
        yearFilter.addValueChangeListener(e -> refresh());
        kindFilter.setId("donation-kind-filter");
        kindFilter.setItems(KINDS);
        kindFilter.setEmptySelectionAllowed(true);
        kindFilter.addValueChangeListener(e -> refresh());
        issue.setId("donation-issue-receipt");
        issue.setEnabled(false);
        issue.setVisible(canWrite);
        issue.addClickListener(e -> confirmIssueReceipt());
        cancel.setId("donation-cancel");
        cancel.setEnabled(false);
        cancel.setVisible(canWrite);
        cancel.addClickListener(e -> confirmCancel());
        correct.setId("donation-correct");
        correct.setEnabled(false);
        correct.setVisible(canWrite);
        correct.addClickListener(e -> confirmCorrect());
        reason.setId("donation-reason");
        reason.setWidthFull();
        correctedAmount.setId("donation-corrected-amount");
        correctedAmount.setMin(1);
        correctedOn.setId("donation-corrected-on");
        correctedMethod.setId("donation-corrected-method");
        correctedMethod.setItems(CORRECTED_METHODS);
        correctedPurpose.setId("donation-corrected-purpose");
        HorizontalLayout filters = new HorizontalLayout(yearFilter, kindFilter, issue, correct, cancel);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true);

        columns.put("receivedOn", grid.addColumn(d -> UiFormat.date(LocalDate.parse(d.receivedOn()), getLocale())).setKey("receivedOn")
            .setAutoWidth(true));
        columns.put("donorName", grid.addColumn(DonationView::donorName).setKey("donorName").setAutoWidth(true));
        columns.put("kind", grid.addColumn(d -> getTranslation("donation.kind." + d.kind())).setKey("kind").setAutoWidth(true));
        columns.put("amount", grid.addColumn(d -> PersonDonationsPanel.amountText(d, this::getTranslation, getLocale())).setKey("amount")
            .setAutoWidth(true));
        columns.put("method", grid.addColumn(d -> translateOr("gift.method." + d.method(), d.method())).setKey("method").setAutoWidth(true));
        columns.put("purpose", grid.addColumn(d -> d.purpose() == null ? "" : d.purpose()).setKey("purpose").setAutoWidth(true));
        columns.put("receipt", grid.addColumn(d -> getTranslation("donation.receipt." + d.receiptStatus())).setKey("receipt").setAutoWidth(true));
        grid.asSingleSelect().addValueChangeListener(e -> {
            issue.setEnabled(e.getValue() != null && "not_issued".equals(e.getValue().receiptStatus()));
            boolean reversible = e.getValue() != null && "active".equals(e.getValue().state());
            cancel.setEnabled(reversible);
            correct.setEnabled(reversible);
        });

        add(title, form, filters, grid);
        expand(grid);
        localize();
        refresh();
    }

    void create(DonationRequest request) {
        Outcome<DonationView> outcome = donations.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<DonationView> r) {
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(form.fields());
        DonationView created = ((Outcome.Ok<DonationView>) outcome).value();
        FieldErrors.notify(getTranslation("donations.added", created.donorName(), UiFormat.yen(created.amount(), getLocale())),
            NotificationVariant.LUMO_SUCCESS);
        form.clear();
        refresh();
    }

    /** A receipt's number is final once issued, so it asks first: the donor, the year, the amount. */
    ConfirmDialog confirmIssueReceipt() {
        DonationView selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            return null;
        }
        LocalDate received = LocalDate.parse(selected.receivedOn());
        ConfirmDialog dialog = Confirmations.of("donation-receipt-confirm", getTranslation("donations.receipt.header"),
            getTranslation("donations.receipt.text", selected.donorName(), String.valueOf(received.getYear()),
                UiFormat.yen(selected.amount(), getLocale()), UiFormat.date(received, getLocale())),
            getTranslation("donations.receipt.confirm"), getTranslation("gifts.cancel.back"), this::issueReceipt);
        dialog.open();
        return dialog;
    }

    /** A donation is never deleted: it asks the reason and says that a counter-entry will take the amount back. */
    ConfirmDialog confirmCancel() {
        DonationView selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            return null;
        }
        reason.clear();
        reason.setInvalid(false);
        ConfirmDialog dialog = Confirmations.of("donation-cancel-confirm", getTranslation("donations.cancel.header"),
            getTranslation("donations.cancel.text", describe(selected), UiFormat.yen(-selected.amount(), getLocale())),
            getTranslation("donations.cancel.confirm"), getTranslation("gifts.cancel.back"), () -> cancelDonation(selected), reason);
        dialog.open();
        return dialog;
    }

    void cancelDonation(DonationView selected) {
        Outcome<Donations.Reversal> outcome = donations.cancel(UiSession.require(), selected.id(), selected.version(),
            new Donations.CancellationRequest(reason.getValue()));
        if (outcome instanceof Outcome.Rejected<Donations.Reversal> r) {
            explain(r);
            return;
        }
        FieldErrors.notify(getTranslation("donations.cancelled", describe(selected)), NotificationVariant.LUMO_SUCCESS);
        afterReversal();
    }

    /** A correction keeps the donation and adds two entries: it shows the corrected values and asks the reason. */
    ConfirmDialog confirmCorrect() {
        DonationView selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            return null;
        }
        reason.clear();
        reason.setInvalid(false);
        correctedAmount.setValue((int) selected.amount());
        correctedOn.setValue(LocalDate.parse(selected.receivedOn()));
        correctedMethod.setValue(selected.method());
        correctedPurpose.setValue(selected.purpose() == null ? "" : selected.purpose());
        ConfirmDialog dialog = Confirmations.of("donation-correct-confirm", getTranslation("donations.correct.header"),
            getTranslation("donations.correct.text", describe(selected)), getTranslation("donations.correct.confirm"),
            getTranslation("gifts.cancel.back"), () -> correctDonation(selected), correctionFields());
        dialog.open();
        return dialog;
    }

    /** The corrected values and the reason, one under the other. */
    private com.vaadin.flow.component.Component correctionFields() {
        com.vaadin.flow.component.orderedlayout.VerticalLayout fields = new com.vaadin.flow.component.orderedlayout.VerticalLayout(
            correctedAmount, correctedOn, correctedMethod, correctedPurpose, reason);
        fields.setPadding(false);
        fields.setSpacing(false);
        return fields;
    }

    void correctDonation(DonationView selected) {
        Integer amount = correctedAmount.getValue();
        Outcome<Donations.Reversal> outcome = donations.correct(UiSession.require(), selected.id(), selected.version(),
            new Donations.CorrectionRequest(amount == null ? null : amount.longValue(),
                correctedOn.getValue() == null ? null : correctedOn.getValue().toString(), correctedMethod.getValue(),
                correctedPurpose.getValue(), reason.getValue()));
        if (outcome instanceof Outcome.Rejected<Donations.Reversal> r) {
            explain(r);
            return;
        }
        DonationView fresh = ((Outcome.Ok<Donations.Reversal>) outcome).value().corrected();
        FieldErrors.notify(getTranslation("donations.corrected", describe(selected), UiFormat.yen(fresh.amount(), getLocale()),
            UiFormat.date(LocalDate.parse(fresh.receivedOn()), getLocale())), NotificationVariant.LUMO_SUCCESS);
        afterReversal();
    }

    /** The domain's reason in the user's language: the field's own message (a receipted donation names its receipt). */
    private void explain(Outcome.Rejected<Donations.Reversal> r) {
        String text = r.errors().isEmpty() ? messages.get(r.code().messageKey(), getLocale())
            : messages.get("field." + r.errors().get(0).code(), getLocale(), r.errors().get(0).args());
        FieldErrors.notify(text, NotificationVariant.LUMO_ERROR);
    }

    private void afterReversal() {
        grid.asSingleSelect().clear();
        cancel.setEnabled(false);
        correct.setEnabled(false);
        issue.setEnabled(false);
        grid.getDataProvider().refreshAll();
    }

    /** 「受領 一子さんの2025年4月1日の寄付 5,000円」 */
    private String describe(DonationView d) {
        return getTranslation("donations.describe", d.donorName() == null ? "" : d.donorName(),
            UiFormat.date(LocalDate.parse(d.receivedOn()), getLocale()), getTranslation("donation.kind." + d.kind()),
            UiFormat.yen(d.amount(), getLocale()));
    }

    /** Issues the receipt of the selected donation (not for fees, not twice). */
    void issueReceipt() {
        DonationView selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            return;
        }
        Outcome<ReceiptView> outcome = receipts.issue(UiSession.require(), selected.id());
        if (outcome instanceof Outcome.Rejected<ReceiptView> r) {
            FieldErrors.show(r, Map.of(), messages, getLocale());
            return;
        }
        ReceiptView receipt = ((Outcome.Ok<ReceiptView>) outcome).value();
        FieldErrors.notify(getTranslation("donations.receiptIssued", receipt.receiptNumber()), NotificationVariant.LUMO_SUCCESS);
        grid.asSingleSelect().clear();
        issue.setEnabled(false);
        grid.getDataProvider().refreshAll();
    }

    void refresh() {
        Integer year = yearFilter.getValue();
        String k = kindFilter.getValue();
        query(request -> page(year, k, request));
    }

    private Outcome<Page<DonationView>> page(Integer year, String k, PageRequest request) {
        return donations.list(UiSession.require(), null, k, year, request);
    }

    @Override
    protected boolean filtered() {
        return yearFilter.getValue() != null || kindFilter.getValue() != null;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UiFormat.TOKYO));
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("donations.title"));
        yearFilter.setLabel(getTranslation("donations.year"));
        yearFilter.setEmptySelectionCaption(getTranslation("donations.year.any"));
        yearFilter.setItemLabelGenerator(y -> y == null ? getTranslation("donations.year.any") : getTranslation("donations.yearLabel", String.valueOf(y)));
        kindFilter.setLabel(getTranslation("donations.kind"));
        kindFilter.setEmptySelectionCaption(getTranslation("donations.kind.any"));
        kindFilter.setItemLabelGenerator(k -> k == null ? getTranslation("donations.kind.any") : getTranslation("donation.kind." + k));
        issue.setText(getTranslation("donations.issueReceipt"));
        cancel.setText(getTranslation("donations.cancel"));
        correct.setText(getTranslation("donations.correct"));
        reason.setLabel(getTranslation("donations.reason"));
        reason.setHelperText(getTranslation("donations.reason.help"));
        correctedAmount.setLabel(getTranslation("donations.corrected.amount"));
        correctedOn.setLabel(getTranslation("donations.corrected.on"));
        correctedMethod.setLabel(getTranslation("donations.method"));
        correctedMethod.setItemLabelGenerator(m -> translateOr("gift.method." + m, m));
        correctedPurpose.setLabel(getTranslation("donations.purpose"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("donations." + key)));
    }
}
