package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;


/** Gift plans (寄付プラン): everyone reads the list; tenant admins add plans. */
@Route(value = "giving/plans", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class GiftPlansView extends ListView<PlanView> {
    final H2 title = new H2();
    final GiftPlanForm form = new GiftPlanForm();
    private final Grid.Column<PlanView> nameColumn;
    private final Grid.Column<PlanView> amountColumn;
    private final Grid.Column<PlanView> intervalColumn;
    private final Grid.Column<PlanView> purposeColumn;
    private final Grid.Column<PlanView> publishedColumn;
    private final GiftPlans plans;
    private final Messages messages;

    GiftPlansView(GiftPlans plans, Messages messages) {
        super("plans.title", "plans.empty");
        this.plans = plans;
        this.messages = messages;
        form.addSaveListener(e -> create(e.value()));
        form.setVisible(UiSession.allows(Capability.GIVING_SETTINGS));

        nameColumn = grid.addColumn(PlanView::name).setKey("name").setAutoWidth(true);
        amountColumn = grid.addColumn(p -> UiFormat.yen(p.unitAmount(), getLocale())).setKey("unitAmount").setAutoWidth(true);
        intervalColumn = grid.addColumn(p -> getTranslation("interval." + p.interval())).setKey("interval").setAutoWidth(true);
        purposeColumn = grid.addColumn(p -> p.purpose() == null ? "" : p.purpose()).setKey("purpose").setAutoWidth(true);
        publishedColumn = grid.addColumn(p -> getTranslation(p.published() ? "plans.published.yes" : "plans.published.no")).setKey("published").setAutoWidth(true);
        add(title, form, grid);
        localize();
        refresh();
    }

    void create(PlanRequest request) {
        Outcome<PlanView> outcome = plans.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<PlanView> r) {
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(form.fields());
        FieldErrors.notify(getTranslation("plans.added", ((Outcome.Ok<PlanView>) outcome).value().name()), NotificationVariant.LUMO_SUCCESS);
        form.clear();
        refresh();
    }

    void refresh() {
        query(this::page);
    }

    private Outcome<Page<PlanView>> page(PageRequest request) {
        return plans.list(UiSession.require(), request);
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("plans.title"));
        nameColumn.setHeader(getTranslation("plans.name"));
        amountColumn.setHeader(getTranslation("plans.unitAmount"));
        intervalColumn.setHeader(getTranslation("plans.interval"));
        purposeColumn.setHeader(getTranslation("plans.purpose"));
        publishedColumn.setHeader(getTranslation("plans.published"));
    }
}
