package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.shared.ErrorCode;
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


/**
 * Gift plans (寄付プラン): everyone reads the list; tenant admins add plans, open one from its row
 * to edit it (the domain keeps the amount and interval of a plan gifts already use) or to publish
 * or unpublish it in one step.
 */
@Route(value = "giving/plans", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class GiftPlansView extends ListView<PlanView> {
    final H2 title = new H2();
    final GiftPlanForm form = new GiftPlanForm();
    /** The result of the last save, publish or unpublish (replaces the previous one). */
    final Span message = new Span();
    /** Publishes or unpublishes the plan being edited, as stored (shown while editing). */
    final Button publish = new Button();
    private final Grid.Column<PlanView> nameColumn;
    private final Grid.Column<PlanView> amountColumn;
    private final Grid.Column<PlanView> intervalColumn;
    private final Grid.Column<PlanView> purposeColumn;
    private final Grid.Column<PlanView> publishedColumn;
    private final GiftPlans plans;
    private final Messages messages;
    private final boolean canEdit;
    private PlanView editing;

    GiftPlansView(GiftPlans plans, Messages messages) {
        super("plans.title", "plans.empty");
        this.plans = plans;
        this.messages = messages;
        canEdit = UiSession.allows(Capability.GIVING_SETTINGS);
        form.addSaveListener(e -> save(e.value()));
        form.addCancelListener(e -> startNew());
        form.setVisible(canEdit);
        message.setId("plans-message");
        publish.setId("plan-publish");
        publish.setVisible(false);
        publish.addClickListener(e -> {
            if (editing != null) {
                togglePublished(editing);
            }
        });

        nameColumn = grid.addColumn(PlanView::name).setKey("name").setAutoWidth(true);
        amountColumn = grid.addColumn(p -> UiFormat.yen(p.unitAmount(), getLocale())).setKey("unitAmount").setAutoWidth(true);
        intervalColumn = grid.addColumn(p -> getTranslation("interval." + p.interval())).setKey("interval").setAutoWidth(true);
        purposeColumn = grid.addColumn(p -> p.purpose() == null ? "" : p.purpose()).setKey("purpose").setAutoWidth(true);
        publishedColumn = grid.addColumn(p -> getTranslation(p.published() ? "plans.published.yes" : "plans.published.no")).setKey("published").setAutoWidth(true);
        grid.addItemClickListener(e -> {
            if (canEdit) {
                edit(e.getItem());
            }
        });
        add(title, form, publish, message, grid);
        localize();
        refresh();
    }

    void create(PlanRequest request) {
        editing = null;
        save(request);
    }

    /** Opens a plan from its row: the form shows it to edit. */
    void edit(PlanView plan) {
        editing = plan;
        FieldErrors.clear(form.fields());
        form.edit(plan);
        publish.setText(getTranslation(plan.published() ? "plans.unpublish" : "plans.publish"));
        publish.setVisible(true);
    }

    /** Back to adding: the plan being edited stays as stored. */
    void startNew() {
        editing = null;
        FieldErrors.clear(form.fields());
        form.clear();
        publish.setVisible(false);
        grid.deselectAll();
    }

    /** Adds a plan, or saves the one being edited (with its version). */
    void save(PlanRequest request) {
        Outcome<PlanView> outcome = editing == null ? plans.create(UiSession.require(), request)
            : plans.update(UiSession.require(), editing.id(), editing.version(), request);
        if (outcome instanceof Outcome.Rejected<PlanView> r) {
            if (r.code() == ErrorCode.VERSION_CONFLICT) {
                message.setText(getTranslation("plans.conflict"));
                return;
            }
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        PlanView saved = ((Outcome.Ok<PlanView>) outcome).value();
        FieldErrors.clear(form.fields());
        String text = getTranslation(editing == null ? "plans.added" : "plans.saved", saved.name());
        message.setText(text);
        FieldErrors.notify(text, NotificationVariant.LUMO_SUCCESS);
        startNew();
        refresh();
    }

    /**
     * Publishes or unpublishes a plan as it is stored: an unpublished plan leaves the public sign-up
     * page, and the gifts already on it keep it.
     */
    void togglePublished(PlanView plan) {
        Outcome<PlanView> outcome = plans.update(UiSession.require(), plan.id(), plan.version(),
            new PlanRequest(plan.name(), plan.unitAmount(), plan.interval(), plan.purpose(), !plan.published()));
        if (outcome instanceof Outcome.Ok<PlanView> ok) {
            message.setText(getTranslation(ok.value().published() ? "plans.publishedNow" : "plans.unpublishedNow", plan.name()));
        } else if (outcome instanceof Outcome.Rejected<PlanView> r && r.code() == ErrorCode.VERSION_CONFLICT) {
            message.setText(getTranslation("plans.conflict"));
        } else {
            message.setText(getTranslation("person.forbidden"));
        }
        startNew();
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
        if (editing != null) {
            publish.setText(getTranslation(editing.published() ? "plans.unpublish" : "plans.publish"));
        }
    }
}
