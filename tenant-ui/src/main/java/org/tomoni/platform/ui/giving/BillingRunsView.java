package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.BillingRuns.RunView;
import org.tomoni.platform.giving.Charges;
import org.tomoni.platform.giving.DebitBatches;
import org.tomoni.platform.ui.components.ChargesPanel;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.MonthPicker;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Billing runs (請求処理): a tenant admin runs a period (next month unless chosen otherwise) and
 * learns what it created; running a period again creates nothing and says so. Everyone sees the
 * past runs.
 */
@Route(value = "giving/runs", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class BillingRunsView extends ListView<RunView> {
    final H2 title = new H2();
    final ComboBox<String> period;
    final Button run = new Button();
    private final Map<String, Grid.Column<RunView>> columns = new LinkedHashMap<>();
    /** The selected run's charges, with totals by method and status. */
    final ChargesPanel charges;
    private final BillingRuns runs;
    private final Messages messages;

    BillingRunsView(BillingRuns runs, Charges chargesOfRuns, DebitBatches batches, Messages messages, Clock clock) {
        super("runs.title", "runs.empty");
        this.runs = runs;
        charges = new ChargesPanel(chargesOfRuns, batches, messages, ChargesPanel.Mode.RUN);
        this.messages = messages;
        setSizeFull();
        period = MonthPicker.create(clock);
        period.setId("run-period");
        run.setId("run-start");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setDisableOnClick(true);
        run.addClickListener(e -> {
            try {
                runPeriod();
            } finally {
                run.setEnabled(true);
            }
        });
        run.setVisible(UiSession.allows(Capability.BILLING_RUN));
        HorizontalLayout bar = new HorizontalLayout(period, run);
        bar.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        bar.setWrap(true);

        columns.put("period", grid.addColumn(r -> UiFormat.month(r.period(), getLocale())).setKey("period").setAutoWidth(true));
        columns.put("status", grid.addColumn(r -> translateOr("run.status." + r.status(), r.status())).setKey("status").setAutoWidth(true));
        columns.put("created", grid.addColumn(r -> getTranslation("runs.count", r.created(), UiFormat.yen(r.totalCreated(), getLocale())))
            .setKey("created").setAutoWidth(true));
        columns.put("inPeriod", grid.addColumn(r -> getTranslation("runs.count", r.chargesInPeriod(),
            UiFormat.yen(r.totalInPeriod(), getLocale()))).setKey("inPeriod").setAutoWidth(true));
        columns.put("startedAt", grid.addColumn(r -> UiFormat.dateTime(r.startedAt(), getLocale())).setKey("startedAt").setAutoWidth(true));
        columns.put("finishedAt", grid.addColumn(r -> UiFormat.dateTime(r.finishedAt(), getLocale())).setKey("finishedAt").setAutoWidth(true));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue());
            }
        });
        grid.setMinHeight("12em");
        add(title, bar, grid, charges);
        expand(grid);
        localize();
        refresh();
    }

    /** Shows every charge of the run: in its batch or not, by card, by transfer, with why each stands where it does. */
    void open(RunView run) {
        charges.showRun(run.id(), run.period());
    }

    /** Runs the chosen period and says what it created; a period already billed creates nothing. */
    void runPeriod() {
        period.setInvalid(false);
        Outcome<RunView> outcome = runs.run(UiSession.require(), period.getValue());
        if (outcome instanceof Outcome.Rejected<RunView> r) {
            FieldErrors.show(r, Map.of("period", period), messages, getLocale());
            return;
        }
        RunView done = ((Outcome.Ok<RunView>) outcome).value();
        String month = UiFormat.month(done.period(), getLocale());
        if (done.created() > 0) {
            FieldErrors.notify(getTranslation("runs.done", month, done.created(), UiFormat.yen(done.totalCreated(), getLocale())),
                NotificationVariant.LUMO_SUCCESS);
        } else if (done.chargesInPeriod() > 0) {
            FieldErrors.notify(getTranslation("runs.alreadyBilled", month, done.chargesInPeriod(),
                UiFormat.yen(done.totalInPeriod(), getLocale())), NotificationVariant.LUMO_CONTRAST);
        } else {
            FieldErrors.notify(getTranslation("runs.nothingDue", month), NotificationVariant.LUMO_CONTRAST);
        }
        refresh();
    }

    void refresh() {
        query(this::page);
    }

    private Outcome<Page<RunView>> page(PageRequest request) {
        return runs.list(UiSession.require(), request);
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("runs.title"));
        period.setLabel(getTranslation("runs.period"));
        period.setHelperText(getTranslation("runs.period.help"));
        run.setText(getTranslation("runs.run"));
        columns.forEach((key, column) -> column.setHeader(getTranslation("runs." + key)));
    }
}
