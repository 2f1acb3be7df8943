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
    final H2 title = new H2();
    final DonationForm form;
    final Select<Integer> yearFilter = new Select<>();
    final Select<String> kindFilter = new Select<>();
    final Button issue = new Button();
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
        HorizontalLayout filters = new HorizontalLayout(yearFilter, kindFilter, issue);
        filters.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        filters.setWrap(true);

        columns.put("receivedOn", grid.addColumn(d -> UiFormat.date(LocalDate.parse(d.receivedOn()), getLocale())).setKey("receivedOn")
            .setAutoWidth(true));
        columns.put("donorName", grid.addColumn(DonationView::donorName).setKey("donorName").setAutoWidth(true));
        columns.put("kind", grid.addColumn(d -> getTranslation("donation.kind." + d.kind())).setKey("kind").setAutoWidth(true));
        columns.put("amount", grid.addColumn(d -> UiFormat.yen(d.amount(), getLocale())).setKey("amount").setAutoWidth(true));
        columns.put("method", grid.addColumn(d -> translateOr("gift.method." + d.method(), d.method())).setKey("method").setAutoWidth(true));
        columns.put("purpose", grid.addColumn(d -> d.purpose() == null ? "" : d.purpose()).setKey("purpose").setAutoWidth(true));
        columns.put("receipt", grid.addColumn(d -> getTranslation("donation.receipt." + d.receiptStatus())).setKey("receipt").setAutoWidth(true));
        grid.asSingleSelect().addValueChangeListener(e -> issue.setEnabled(e.getValue() != null
            && "not_issued".equals(e.getValue().receiptStatus())));

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
        columns.forEach((key, column) -> column.setHeader(getTranslation("donations." + key)));
    }
}
