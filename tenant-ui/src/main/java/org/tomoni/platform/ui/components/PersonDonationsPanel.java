package org.tomoni.platform.ui.components;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.ui.shell.UiSession;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A person's money received, newest first, with cancellations and corrections as their own lines (the person's history). */
public class PersonDonationsPanel extends VerticalLayout implements LocaleChangeObserver {
    public final H3 title = new H3();
    public final Grid<DonationView> grid = new Grid<>();
    private final Map<String, Grid.Column<DonationView>> columns = new LinkedHashMap<>();
    private final Donations donations;
    private UUID personId;

    public PersonDonationsPanel(Donations donations) {
        this.donations = donations;
        setId("person-donations");
        setPadding(false);
        setVisible(false);
        grid.setId("person-donations-grid");
        columns.put("receivedOn", grid.addColumn(d -> UiFormat.date(LocalDate.parse(d.receivedOn()), getLocale())).setKey("receivedOn")
            .setAutoWidth(true));
        columns.put("kind", grid.addColumn(d -> getTranslation("donation.kind." + d.kind())).setKey("kind").setAutoWidth(true));
        columns.put("amount", grid.addColumn(d -> amountText(d, this::getTranslation, getLocale())).setKey("amount")
            .setAutoWidth(true));
        columns.put("method", grid.addColumn(d -> getTranslation("gift.method." + d.method())).setKey("method").setAutoWidth(true));
        columns.put("receipt", grid.addColumn(d -> getTranslation("donation.receipt." + d.receiptStatus())).setKey("receipt").setAutoWidth(true)
            .setFlexGrow(1));
        grid.setAllRowsVisible(true);
        add(title, grid);
        relabel();
    }

    /**
     * The amount as a list shows it, with what became of it: a counter-entry's negative amount, a cancelled, corrected or
     * correcting donation marked so (「5,000円（取消済み）」).
     */
    public static String amountText(DonationView d, java.util.function.Function<String, String> t, java.util.Locale locale) {
        String yen = UiFormat.yen(d.amount(), locale);
        if ("active".equals(d.state())) {
            return d.correctsId() == null ? yen : yen + t.apply("donation.state.correcting");
        }
        return yen + t.apply("donation.state." + d.state());
    }

    public void show(UUID person) {
        personId = person;
        setVisible(true);
        LazyGrids.bind(grid, page -> donations.list(UiSession.require(), personId, null, null, page));
    }

    private void relabel() {
        title.setText(getTranslation("person.donations.title"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("donations." + key)));
        grid.setEmptyStateText(getTranslation("person.donations.empty"));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        grid.getDataProvider().refreshAll();
    }
}
