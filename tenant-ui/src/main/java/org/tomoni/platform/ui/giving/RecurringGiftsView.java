package org.tomoni.platform.ui.giving;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.giving.GiftChange;
import org.tomoni.platform.giving.GiftEventKind;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftStatus;
import org.tomoni.platform.giving.GiftPlans.PlanView;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.RecurringGifts.Event;
import org.tomoni.platform.giving.RecurringGifts.GiftRequest;
import org.tomoni.platform.giving.RecurringGifts.GiftView;
import org.tomoni.platform.identity.StaffNames;
import org.tomoni.platform.ui.components.ActorLabels;
import org.tomoni.platform.members.people.People;
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

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recurring gifts (継続寄付): a lazy list by status; a selected gift opens beside it with its
 * history and the pause / resume / cancel actions; staff add gifts for a donor picked from the
 * people, and see the total as they change the units.
 */
@Route(value = "giving/gifts", layout = MainLayout.class)
@Allowed(Capability.GIVING_READ)
@Prototype
public class RecurringGiftsView extends ListView<GiftView> {
    static final List<String> STATUSES = java.util.Arrays.stream(GiftStatus.values()).map(GiftStatus::code).toList();
    final H2 title = new H2();
    final RecurringGiftForm form;
    final Select<String> status = new Select<>();
    final VerticalLayout detail = new VerticalLayout();
    final H3 detailTitle = new H3();
    final Span detailStatus = new Span();
    final Grid<Event> history = new Grid<>();
    final Button pause = new Button();
    final Button resume = new Button();
    final Button cancel = new Button();
    final Button close = new Button();
    private final Span historyTitle = new Span();
    private final Map<String, Grid.Column<GiftView>> columns = new LinkedHashMap<>();
    private final Map<String, Grid.Column<Event>> historyColumns = new LinkedHashMap<>();
    private final RecurringGifts gifts;
    private final GiftPlans plans;
    private final Messages messages;
    private final StaffNames staffNames;
    private ActorLabels actors;
    private Map<UUID, PlanView> planById = Map.of();
    private GiftView shown;

    RecurringGiftsView(RecurringGifts gifts, GiftPlans plans, People people, StaffNames staffNames, Messages messages, Clock clock) {
        super("gifts.title", "gifts.none", "gifts.empty", true);
        this.gifts = gifts;
        this.staffNames = staffNames;
        this.actors = new ActorLabels(staffNames, this::getTranslation);
        this.plans = plans;
        this.messages = messages;
        setSizeFull();
        boolean canWrite = UiSession.allows(Capability.GIVING_WRITE);

        form = new RecurringGiftForm(people, clock);
        form.addSaveListener(e -> create(e.value()));
        form.setVisible(canWrite);

        status.setId("gift-status-filter");
        status.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(""), STATUSES.stream()).toList());
        status.setItemLabelGenerator(this::statusFilterLabel);
        status.setValue("");
        status.addValueChangeListener(e -> refresh());

        columns.put("giftNumber", grid.addColumn(GiftView::giftNumber).setKey("giftNumber").setAutoWidth(true));
        columns.put("donorName", grid.addColumn(GiftView::donorName).setKey("donorName").setAutoWidth(true));
        columns.put("plan", grid.addColumn(g -> planName(g.planId())).setKey("plan").setAutoWidth(true));
        columns.put("units", grid.addColumn(GiftView::units).setKey("units").setAutoWidth(true));
        columns.put("amount", grid.addColumn(this::amount).setKey("amount").setAutoWidth(true));
        columns.put("paymentMethod", grid.addColumn(g -> getTranslation("gift.method." + g.paymentMethod())).setKey("paymentMethod")
            .setAutoWidth(true));
        columns.put("startMonth", grid.addColumn(g -> UiFormat.month(g.startMonth(), getLocale())).setKey("startMonth").setAutoWidth(true));
        columns.put("status", grid.addColumn(g -> statusLabel(g.status())).setKey("status").setAutoWidth(true));
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue().id());
            }
        });

        detail.setId("gift-detail");
        detail.setPadding(false);
        detail.setVisible(false);
        detailStatus.setId("gift-detail-status");
        historyColumns.put("occurredAt", history.addColumn(e -> UiFormat.dateTime(e.occurredAt(), getLocale())).setKey("occurredAt")
            .setAutoWidth(true));
        historyColumns.put("content", history.addColumn(this::content).setKey("content").setAutoWidth(true));
        historyColumns.put("by", history.addColumn(e -> by(e.by())).setKey("by").setAutoWidth(true));
        history.setAllRowsVisible(true);
        pause.setId("gift-pause");
        pause.addClickListener(e -> change("pause"));
        resume.setId("gift-resume");
        resume.addClickListener(e -> change("resume"));
        cancel.setId("gift-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> confirmCancel());
        close.setId("gift-close");
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        close.addClickListener(e -> closeDetail());
        HorizontalLayout actions = new HorizontalLayout(pause, resume, cancel, close);
        actions.setVisible(canWrite);
        detail.add(detailTitle, detailStatus, historyTitle, history, actions);

        HorizontalLayout body = new HorizontalLayout(grid, detail);
        body.setWidthFull();
        body.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
        // Side by side where the window leaves room for both, else the detail below the list (which keeps its columns).
        body.setWrap(true);
        grid.getStyle().set("flex", "3 1 48em");
        detail.getStyle().set("flex", "1 1 32em").set("min-width", "0");
        add(title, form, status, body);
        expand(body);
        localize();
        loadPlans();
        refresh();
    }

    void create(GiftRequest request) {
        Outcome<GiftView> outcome = gifts.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<GiftView> r) {
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(form.fields());
        GiftView created = ((Outcome.Ok<GiftView>) outcome).value();
        FieldErrors.notify(getTranslation("gifts.added", String.valueOf(created.giftNumber()), created.donorName()), NotificationVariant.LUMO_SUCCESS);
        form.clear();
        refresh();
    }

    /** Shows one gift with its history; a gift the tenant does not have shows "not found". */
    void open(UUID id) {
        Outcome<GiftView> outcome = gifts.get(UiSession.require(), id);
        if (outcome instanceof Outcome.Ok<GiftView> ok) {
            show(ok.value());
        } else {
            closeDetail();
            FieldErrors.show((Outcome.Rejected<GiftView>) outcome, Map.of(), messages, getLocale());
        }
    }

    /** pause, resume or cancel the gift shown. */
    void change(String action) {
        if (shown == null) {
            return;
        }
        Outcome<GiftView> outcome = gifts.change(UiSession.require(), shown.id(), action);
        if (outcome instanceof Outcome.Ok<GiftView> ok) {
            show(ok.value());
            FieldErrors.notify(getTranslation("gifts.changed." + action, String.valueOf(ok.value().giftNumber())), NotificationVariant.LUMO_SUCCESS);
            grid.getDataProvider().refreshAll();
        } else {
            FieldErrors.show((Outcome.Rejected<GiftView>) outcome, Map.of(), messages, getLocale());
        }
    }

    /** Cancelling ends the gift for good, so it asks first. */
    ConfirmDialog confirmCancel() {
        if (shown == null) {
            return null;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("gift-cancel-confirm");
        dialog.setHeader(getTranslation("gifts.cancel.header"));
        dialog.setText(getTranslation("gifts.cancel.text", String.valueOf(shown.giftNumber()), shown.donorName()));
        dialog.setConfirmText(getTranslation("gifts.cancel.confirm"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("gifts.cancel.back"));
        dialog.addConfirmListener(e -> change("cancel"));
        dialog.open();
        return dialog;
    }

    void closeDetail() {
        shown = null;
        detail.setVisible(false);
        grid.asSingleSelect().clear();
    }

    private void show(GiftView gift) {
        shown = gift;
        detail.setVisible(true);
        // Below the list where the window is narrow: brought into view.
        detail.scrollIntoView();
        detailTitle.setText(getTranslation("gifts.detail.title", String.valueOf(gift.giftNumber()), gift.donorName()));
        String reason = gift.statusReason() == null || gift.statusReason().isBlank() ? "" : getTranslation("gifts.detail.reason", gift.statusReason());
        detailStatus.setText(getTranslation("gifts.detail.status", statusLabel(gift.status()), planName(gift.planId()), gift.units(),
            amount(gift)) + reason);
        history.setItems(gift.history() == null ? List.of() : gift.history());
        GiftStatus current = GiftStatus.fromCode(gift.status());
        pause.setEnabled(GiftStatus.Action.PAUSE.from(current).isPresent());
        resume.setEnabled(GiftStatus.Action.RESUME.from(current).isPresent());
        cancel.setEnabled(GiftStatus.Action.CANCEL.from(current).isPresent());
    }

    /** A status chosen (not 「すべて」) narrows the list. */
    @Override
    protected boolean filtered() {
        return status.getValue() != null && !status.getValue().isEmpty();
    }

    void refresh() {
        String s = status.getValue() == null || status.getValue().isEmpty() ? null : status.getValue();
        query(request -> page(s, request));
    }

    private Outcome<Page<GiftView>> page(String s, PageRequest request) {
        return gifts.list(UiSession.require(), s, request);
    }

    /** Every plan of the tenant, for the form and for the plan names of the list. */
    private void loadPlans() {
        Map<UUID, PlanView> byId = new LinkedHashMap<>();
        for (int page = 0; ; page++) {
            Outcome<Page<PlanView>> o = plans.list(UiSession.require(), PageRequest.of(page, PageRequest.MAX_SIZE));
            if (!(o instanceof Outcome.Ok<Page<PlanView>> ok)) {
                break;
            }
            ok.value().items().forEach(p -> byId.put(p.id(), p));
            if (ok.value().items().size() < PageRequest.MAX_SIZE || byId.size() >= ok.value().total()) {
                break;
            }
        }
        planById = byId;
        form.setPlans(byId.values());
    }

    private String planName(UUID planId) {
        PlanView p = planById.get(planId);
        return p == null ? "" : p.name();
    }

    /** The amount of each charge, with how often it is charged: 3,000円／月. */
    private String amount(GiftView g) {
        PlanView p = planById.get(g.planId());
        String yen = UiFormat.yen(g.monthlyAmount(), getLocale());
        return p == null ? yen : getTranslation("gifts.amount." + p.interval(), yen);
    }

    private String statusLabel(String code) {
        return translateOr("gift.status." + code, code);
    }

    private String statusFilterLabel(String code) {
        return code == null || code.isEmpty() ? getTranslation("gifts.status.any") : statusLabel(code);
    }

    /** 休止（有効 → 休止中）: the kind of change, and what changed, from the line's structure in the reader's language. */
    private String content(Event e) {
        String kind = translateOr("gift.event." + e.kind(), e.kind());
        String detail = GiftEventKind.of(e.kind()).map(k -> detail(k, e.before(), e.after())).orElse(null);
        return detail == null || detail.isBlank() ? kind : getTranslation("gifts.history.line", kind, detail);
    }

    private String detail(GiftEventKind kind, GiftChange before, GiftChange after) {
        if (after == null) {
            return null;
        }
        return switch (kind) {
            case CREATED -> after.plan() == null || after.units() == null ? null
                : getTranslation("gifts.history.created", after.plan(), String.valueOf(after.units()));
            case UNITS -> before == null || before.units() == null || after.units() == null ? null
                : getTranslation("gifts.history.change", String.valueOf(before.units()), String.valueOf(after.units()));
            case PAUSE, RESUME, CANCEL, RECOVERED -> before == null || before.status() == null || after.status() == null ? null
                : getTranslation("gifts.history.change", statusLabel(before.status()), statusLabel(after.status()));
            case CARD_FAILED -> after.declineCode();
            case DEBIT_FAILED -> after.resultCode() == null ? null
                : getTranslation("gifts.history.debitFailed", translateOr("gift.debitResult." + after.resultCode(), String.valueOf(after.resultCode())),
                    getTranslation(Boolean.TRUE.equals(after.retry()) ? "gifts.history.retry" : "gifts.history.noRetry"));
        };
    }

    /**
     * Who made a change: the history holds {@code <user id>@<tenant>}; admins see the user's name
     * (the user directory is theirs), others the user as recorded.
     */
    private String by(String auditName) {
        return actors.of(auditName);
    }

    @Override
    protected void redraw() {
        // Labels of the platform's own actors are in the UI's language: look them up again after a switch.
        actors = new ActorLabels(staffNames, this::getTranslation);
        super.redraw();
        if (shown != null) {
            show(shown);
        }
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("gifts.title"));
        status.setLabel(getTranslation("gifts.status"));
        status.setItemLabelGenerator(this::statusFilterLabel);
        columns.forEach((key, column) -> column.setHeader(getTranslation("gifts." + key)));
        historyColumns.forEach((key, column) -> column.setHeader(getTranslation("gifts.history." + key)));
        historyTitle.setText(getTranslation("gifts.history"));
        history.setEmptyStateText(getTranslation("gifts.history.empty"));
        pause.setText(getTranslation("gifts.pause"));
        resume.setText(getTranslation("gifts.resume"));
        cancel.setText(getTranslation("gifts.cancel"));
        close.setText(getTranslation("gifts.close"));
    }
}
