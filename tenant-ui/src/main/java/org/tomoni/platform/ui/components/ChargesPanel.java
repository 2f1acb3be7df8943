package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.tomoni.platform.giving.Charges;
import org.tomoni.platform.giving.Charges.ChargeView;
import org.tomoni.platform.giving.DebitBatches;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The charges of a billing run, of a debit batch or of a person: a paged list with names (never ids), methods, statuses
 * and why each charge stands where it does, in the UI's language, and its totals by method and status. A run's list
 * filters by method, status and name; a batch's shows who is debited from which account and the bank's result.
 */
public class ChargesPanel extends VerticalLayout implements LocaleChangeObserver {
    /** Which charges the panel lists, and so which columns and filters it shows. */
    public enum Mode { RUN, BATCH, PERSON }

    static final List<String> METHODS = List.of("direct_debit", "card", "bank_transfer");
    static final List<String> STATUSES = List.of("pending", "submitted", "collected", "failed");
    public final H3 title = new H3();
    public final Select<String> method = new Select<>();
    public final Select<String> status = new Select<>();
    public final TextField name = new TextField();
    public final Span totals = new Span();
    public final Grid<ChargeView> grid = new Grid<>();
    /** Records the selected bank-transfer charge as received, after a confirmation with the date it arrived. */
    public final com.vaadin.flow.component.button.Button transfer = new com.vaadin.flow.component.button.Button();
    public final com.vaadin.flow.component.datepicker.DatePicker transferredOn = new com.vaadin.flow.component.datepicker.DatePicker();
    private final Map<String, Grid.Column<ChargeView>> columns = new LinkedHashMap<>();
    private final org.tomoni.platform.shared.Messages messages;
    private final Charges charges;
    private final DebitBatches batches;
    private final Mode mode;
    private UUID of;
    /** The run's period (2027-01) its title names; null for a batch or a person. */
    private String period;

    public ChargesPanel(Charges charges, DebitBatches batches, org.tomoni.platform.shared.Messages messages, Mode mode) {
        this.charges = charges;
        this.messages = messages;
        this.batches = batches;
        this.mode = mode;
        String prefix = "charges-" + mode.name().toLowerCase();
        setId(prefix);
        setPadding(false);
        setVisible(false);
        grid.setId(prefix + "-grid");
        totals.setId(prefix + "-totals");
        method.setId(prefix + "-method");
        status.setId(prefix + "-status");
        name.setId(prefix + "-name");
        method.setItems(METHODS);
        method.setEmptySelectionAllowed(true);
        status.setItems(STATUSES);
        status.setEmptySelectionAllowed(true);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setClearButtonVisible(true);
        method.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        name.addValueChangeListener(e -> refresh());
        transfer.setId(prefix + "-transfer");
        transfer.setEnabled(false);
        transfer.setVisible(mode != Mode.BATCH && UiSession.allows(org.tomoni.platform.access.Capability.GIVING_WRITE));
        transfer.addClickListener(e -> confirmTransfer());
        transferredOn.setId(prefix + "-transferred-on");
        grid.asSingleSelect().addValueChangeListener(e -> transfer.setEnabled(e.getValue() != null
            && "awaiting_transfer".equals(e.getValue().standing())));
        HorizontalLayout filters = new HorizontalLayout(method, status, name);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        filters.setVisible(mode == Mode.RUN);

        if (mode == Mode.PERSON) {
            columns.put("period", grid.addColumn(c -> UiFormat.month(c.period(), getLocale())).setKey("period").setAutoWidth(true));
        } else {
            columns.put("name", grid.addColumn(ChargeView::name).setKey("name").setWidth("10em").setFlexGrow(1));
        }
        if (mode == Mode.BATCH) {
            columns.put("memberNumber", grid.addColumn(c -> c.memberNumber() == null ? "" : String.valueOf(c.memberNumber()))
                .setKey("memberNumber").setAutoWidth(true));
            columns.put("bank", grid.addColumn(c -> c.bankCode() == null ? "" : c.bankCode() + "-" + c.branchCode()).setKey("bank")
                .setAutoWidth(true));
            columns.put("account", grid.addColumn(c -> c.accountMask() == null ? "" : c.accountMask()).setKey("account").setAutoWidth(true));
        } else {
            columns.put("kind", grid.addColumn(c -> getTranslation("donation.kind." + c.kind())).setKey("kind").setAutoWidth(true));
            columns.put("method", grid.addColumn(c -> label("gift.method." + c.method(), c.method())).setKey("method").setAutoWidth(true));
        }
        columns.put("amount", grid.addColumn(c -> UiFormat.yen(c.amount(), getLocale())).setKey("amount").setAutoWidth(true));
        // The status with its reason wraps in its column rather than widening the list past the window.
        columns.put("status", grid.addColumn(this::statusText).setKey("status").setWidth("13em").setFlexGrow(2));
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(mode != Mode.RUN);
        grid.setHeight(mode == Mode.RUN ? "24em" : null);
        add(title, filters, totals, transfer, grid);
        relabel();
    }

    /** Shows the charges of the run of {@code period} (2027-01). */
    public void showRun(UUID id, String period) {
        this.period = period;
        show(id);
    }

    /** Shows the charges of the run, batch or person {@code id}. */
    public void show(UUID id) {
        of = id;
        relabel();
        method.clear();
        status.clear();
        name.clear();
        setVisible(true);
        refresh();
    }

    void refresh() {
        if (of == null) {
            return;
        }
        Charges.Query q = query();
        if (mode == Mode.BATCH) {
            LazyGrids.bind(grid, page -> batches.debits(UiSession.require(), of, page));
        } else {
            LazyGrids.bind(grid, page -> charges.list(UiSession.require(), q, page));
        }
        totals.setText(charges.totals(UiSession.require(), q) instanceof Outcome.Ok<Charges.Totals> ok ? totalsText(ok.value()) : "");
    }

    /** 「会費 花子さんの2031年5月分の会費 600円を、振込で入金済みにします」: the day it arrived, then money received. */
    public com.vaadin.flow.component.confirmdialog.ConfirmDialog confirmTransfer() {
        ChargeView selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            return null;
        }
        transferredOn.setValue(java.time.LocalDate.now(UiFormat.TOKYO));
        var dialog = Confirmations.of("charge-transfer-confirm", getTranslation("charges.transfer.header"),
            getTranslation("charges.transfer.text", selected.name() == null ? "" : selected.name(), UiFormat.month(selected.period(), getLocale()),
                getTranslation("donation.kind." + selected.kind()), UiFormat.yen(selected.amount(), getLocale())),
            getTranslation("charges.transfer.confirm"), getTranslation("gifts.cancel.back"), () -> recordTransfer(selected), transferredOn);
        dialog.open();
        return dialog;
    }

    void recordTransfer(ChargeView selected) {
        var day = transferredOn.getValue();
        Outcome<ChargeView> outcome = charges.recordTransfer(UiSession.require(), selected.id(),
            new Charges.TransferRequest(day == null ? null : day.toString()));
        if (outcome instanceof Outcome.Rejected<ChargeView> r) {
            FieldErrors.notify(r.errors().isEmpty() ? messages.get(r.code().messageKey(), getLocale())
                : messages.get("field." + r.errors().get(0).code(), getLocale(), r.errors().get(0).args()),
                com.vaadin.flow.component.notification.NotificationVariant.LUMO_ERROR);
            return;
        }
        FieldErrors.notify(getTranslation("charges.transferred", selected.name() == null ? "" : selected.name(),
            UiFormat.yen(selected.amount(), getLocale())), com.vaadin.flow.component.notification.NotificationVariant.LUMO_SUCCESS);
        grid.asSingleSelect().clear();
        refresh();
    }

    private Charges.Query query() {
        String id = of.toString();
        return switch (mode) {
            case RUN -> new Charges.Query(id, null, method.getValue(), status.getValue(), null, name.getValue());
            case BATCH -> new Charges.Query(null, id, null, null, null, null);
            case PERSON -> new Charges.Query(null, null, null, null, id, null);
        };
    }

    /** In all, then each method and status: 「計 5件・2,400円　銀行振込・未収 3件・1,800円 …」. */
    String totalsText(Charges.Totals t) {
        String all = getTranslation("charges.totals.all", t.count(), UiFormat.yen(t.amount(), getLocale()));
        String lines = t.byMethodAndStatus().stream().map(x -> getTranslation("charges.totals.line", label("gift.method." + x.method(), x.method()),
            label("charge.status." + x.status(), x.status()), x.count(), UiFormat.yen(x.amount(), getLocale()))).collect(Collectors.joining("　"));
        return lines.isEmpty() ? all : all + "　" + lines;
    }

    /** The status in words, with why a pending charge waits, or the bank's reason for a failed debit. */
    String statusText(ChargeView c) {
        String s = label("charge.status." + c.status(), c.status());
        if (c.standing() != null) {
            return getTranslation("charges.status.with", s, label("charge.standing." + c.standing(), c.standing()));
        }
        if ("failed".equals(c.status()) && c.resultCode() != null) {
            return getTranslation("charges.status.with", s, label("batches.code." + c.resultCode(), String.valueOf(c.resultCode())));
        }
        return s;
    }

    private String label(String key, String fallback) {
        String text = getTranslation(key);
        return text.startsWith("!") ? fallback : text;
    }

    private void relabel() {
        title.setText(period == null ? getTranslation("charges.title." + mode.name().toLowerCase())
            : getTranslation("charges.title.run.of", UiFormat.month(period, getLocale())));
        method.setLabel(getTranslation("charges.method"));
        method.setEmptySelectionCaption(getTranslation("charges.method.any"));
        method.setItemLabelGenerator(m -> m == null ? getTranslation("charges.method.any") : label("gift.method." + m, m));
        status.setLabel(getTranslation("charges.status"));
        status.setEmptySelectionCaption(getTranslation("charges.status.any"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("charges.status.any") : label("charge.status." + s, s));
        name.setLabel(getTranslation("charges.name"));
        transfer.setText(getTranslation("charges.transfer"));
        transferredOn.setLabel(getTranslation("charges.transferredOn"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("charges." + key)));
        grid.setEmptyStateText(getTranslation("charges.empty"));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        if (of != null) {
            refresh();
        }
    }
}
