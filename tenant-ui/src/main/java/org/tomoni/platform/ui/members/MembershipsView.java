package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeRequest;
import org.tomoni.platform.members.memberships.MembershipTypeView;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.JapaneseDatePicker;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The fee schedule (membership types; admins change it) and the memberships, by status, with their end action. */
@Route(value = "memberships", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class MembershipsView extends ListView<MembershipView> {
    public final Grid<MembershipTypeView> types = new Grid<>();
    /** The list of memberships (the base's grid). */
    public final Grid<MembershipView> memberships = grid;
    final MembershipTypeForm typeForm = new MembershipTypeForm();
    final Select<String> status = new Select<>();
    final MembershipForm membershipForm;
    final Span membershipMessage = new Span();
    private final H2 title = new H2();
    private final H3 typesTitle = new H3();
    private final H3 listTitle = new H3();
    private final Map<String, Grid.Column<MembershipTypeView>> typeColumns = new LinkedHashMap<>();
    private final Map<String, Grid.Column<MembershipView>> columns = new LinkedHashMap<>();
    /** The history of the membership last asked for, rendered from its events' structure (MembershipHistory). */
    public final Grid<MembershipView.Event> history = new Grid<>();
    private final H3 historyTitle = new H3();
    private final Map<String, Grid.Column<MembershipView.Event>> historyColumns = new LinkedHashMap<>();
    private final MembershipTypes membershipTypes;
    private final Memberships membershipService;
    private final Messages messages;
    private final Clock clock;
    /** The end date of the confirmation last opened. */
    DatePicker endDate;

    MembershipsView(MembershipTypes membershipTypes, Memberships membershipService, Messages messages, People people,
                    org.tomoni.platform.members.organizations.Organizations organizations, Clock clock) {
        super("memberships.title", "memberships.none", "memberships.empty", true);
        this.clock = clock;
        this.membershipForm = new MembershipForm(people, organizations);
        this.membershipTypes = membershipTypes;
        this.membershipService = membershipService;
        this.messages = messages;
        typeForm.addSaveListener(e -> createType(e.value()));
        typeForm.setVisible(UiSession.allows(Capability.MEMBERS_SETTINGS));
        typeColumns.put("types.name", types.addColumn(MembershipTypeView::name).setAutoWidth(true));
        typeColumns.put("types.fee", types.addColumn(t -> UiFormat.yen(t.feeYen(), getLocale())
            + (t.perUnit() ? getTranslation("types.perUnitSuffix") : "")).setAutoWidth(true));
        typeColumns.put("types.period", types.addColumn(t -> getTranslation("period." + t.period())).setAutoWidth(true));
        typeColumns.put("types.memberKind", types.addColumn(t -> getTranslation("memberKind." + t.memberKind())).setAutoWidth(true));
        typeColumns.put("types.active", types.addColumn(MembershipTypeView::activeMemberships).setAutoWidth(true));
        types.setAllRowsVisible(true);

        status.setItems("active", "lapsed", "ended");
        status.setValue("active");
        status.addValueChangeListener(e -> refreshMemberships());
        columns.put("people.memberNumber", grid.addColumn(m -> m.memberNumber() == null ? "" : m.memberNumber()).setAutoWidth(true));
        // A member's name (an organisation's runs long) shares the room left and wraps in its cell: the list never scrolls sideways.
        columns.put("people.name", grid.addColumn(MembershipView::memberName).setWidth("10em").setFlexGrow(2));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        columns.put("types.name", grid.addColumn(MembershipView::typeName).setAutoWidth(true));
        columns.put("memberships.units", grid.addColumn(MembershipView::units).setAutoWidth(true));
        columns.put("memberships.dues", grid.addColumn(m -> UiFormat.yen(m.duesPerPeriod(), getLocale())).setAutoWidth(true));
        columns.put("memberships.startsOn", grid.addColumn(m -> UiFormat.date(m.startsOn(), getLocale())).setAutoWidth(true));
        grid.addComponentColumn(m -> {
            Button end = new Button(getTranslation("memberships.end"), e -> confirmEnd(m));
            end.addThemeVariants(ButtonVariant.LUMO_SMALL);
            end.setVisible(!"ended".equals(m.status()) && UiSession.allows(Capability.PEOPLE_WRITE));
            return end;
        }).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(m -> {
            Button show = new Button(getTranslation("memberships.history.show"), e -> showHistory(m));
            show.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return show;
        }).setAutoWidth(true).setFlexGrow(0);
        historyColumns.put("memberships.history.occurredAt",
            history.addColumn(e -> UiFormat.dateTime(e.occurredAt().toString(), getLocale())).setAutoWidth(true));
        historyColumns.put("memberships.history.content",
            history.addColumn(e -> MembershipHistory.content(e, this::getTranslation, getLocale())).setAutoWidth(true));
        historyColumns.put("memberships.history.by", history.addColumn(MembershipView.Event::by).setAutoWidth(true));
        history.setAllRowsVisible(true);
        historyTitle.setVisible(false);
        history.setVisible(false);
        membershipForm.addSaveListener(e -> createMembership(e.value()));
        membershipForm.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        add(title, typesTitle, typeForm, types, listTitle, membershipForm, membershipMessage, status, grid, historyTitle, history);
        localize();
        refreshTypes();
        refreshMemberships();
    }

    void createType(MembershipTypeRequest request) {
        Outcome<MembershipTypeView> outcome = membershipTypes.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<MembershipTypeView> r) {
            FieldErrors.show(r, typeForm.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(typeForm.fields());
        typeForm.clear();
        refreshTypes();
    }

    /** Adds a person's membership; the errors are marked on the fields and spelled out beside the form. */
    void createMembership(MembershipRequest request) {
        Outcome<MembershipView> outcome = membershipService.create(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<MembershipView> r) {
            FieldErrors.mark(r, membershipForm.fields(), messages, getLocale());
            membershipMessage.setText(r.errors().stream().map(e -> getTranslation("memberships.field." + e.field()) + "："
                + messages.get("field." + e.code(), getLocale())).collect(Collectors.joining(" ")));
            return;
        }
        FieldErrors.clear(membershipForm.fields());
        membershipMessage.setText(getTranslation("memberships.added", ((Outcome.Ok<MembershipView>) outcome).value().memberNumber()));
        membershipForm.clear();
        refreshMemberships();
        refreshTypes();
    }

    /**
     * Ending cannot be undone, so it asks first: the member, the type and the end date, chosen in the
     * dialog (today in Tokyo by default, never before the start; the API checks it again).
     */
    ConfirmDialog confirmEnd(MembershipView m) {
        DatePicker endsOn = new DatePicker(getTranslation("memberships.end.date"));
        endsOn.setId("membership-end-date");
        endsOn.setI18n(JapaneseDatePicker.i18n(getLocale()));
        endsOn.setLocale(getLocale());
        endsOn.setMin(m.startsOn());
        LocalDate today = LocalDate.now(clock.withZone(UiFormat.TOKYO));
        endsOn.setValue(m.startsOn() != null && today.isBefore(m.startsOn()) ? m.startsOn() : today);
        endsOn.setRequired(true);
        ConfirmDialog dialog = Confirmations.of("membership-end-confirm", getTranslation("memberships.end.header"),
            getTranslation("memberships.end.text", m.memberName(), m.typeName(), UiFormat.date(m.startsOn(), getLocale())),
            getTranslation("memberships.end.confirm"), getTranslation("gifts.cancel.back"), () -> end(m, endsOn.getValue()), endsOn);
        endDate = endsOn;
        dialog.open();
        return dialog;
    }

    /** Ends the membership on {@code endsOn}; the result (or the API's reason) replaces the line above the list. */
    void end(MembershipView m, LocalDate endsOn) {
        if (endsOn == null) {
            membershipMessage.setText(getTranslation("memberships.end.date") + "：" + messages.get("field.required", getLocale()));
            return;
        }
        Outcome<MembershipView> outcome = membershipService.end(UiSession.require(), m.id(), endsOn.toString());
        if (outcome instanceof Outcome.Rejected<MembershipView> r) {
            membershipMessage.setText(r.errors().isEmpty() ? messages.get(r.code().messageKey(), getLocale())
                : r.errors().stream().map(e -> messages.get("field." + e.code(), getLocale())).collect(Collectors.joining(" ")));
        } else {
            membershipMessage.setText(getTranslation("memberships.ended", m.memberName(), m.typeName(), UiFormat.date(endsOn, getLocale())));
        }
        refreshMemberships();
        refreshTypes();
    }

    /** Shows the membership's history below the list. */
    void showHistory(MembershipView m) {
        Outcome<MembershipView> read = membershipService.get(UiSession.require(), m.id());
        List<MembershipView.Event> events = read instanceof Outcome.Ok<MembershipView> ok && ok.value().history() != null
            ? ok.value().history() : List.of();
        history.setItems(events);
        historyTitle.setVisible(true);
        history.setVisible(true);
    }

    private void refreshTypes() {
        Outcome<Page<MembershipTypeView>> o = membershipTypes.list(UiSession.require(), PageRequest.of(0, PageRequest.MAX_SIZE));
        List<MembershipTypeView> items = o instanceof Outcome.Ok<Page<MembershipTypeView>> ok ? ok.value().items() : List.of();
        types.setItems(items);
        membershipForm.setTypes(items);
    }

    /** Another status than the first one shown (active) narrows the list. */
    @Override
    protected boolean filtered() {
        return !"active".equals(status.getValue());
    }

    void refreshMemberships() {
        String s = status.getValue();
        query(request -> membershipService.list(UiSession.require(), null, s, null, null, null, request));
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("memberships.title"));
        typesTitle.setText(getTranslation("types.title"));
        listTitle.setText(getTranslation("memberships.list"));
        typeColumns.forEach((key, column) -> column.setHeader(getTranslation(key)));
        status.setLabel(getTranslation("memberships.status"));
        status.setItemLabelGenerator(s -> getTranslation("membership.status." + s));
        columns.forEach((key, column) -> column.setHeader(getTranslation(key)));
        historyTitle.setText(getTranslation("memberships.history"));
        historyColumns.forEach((key, column) -> column.setHeader(getTranslation(key)));
    }

    @Override
    protected void redraw() {
        super.redraw();
        types.getDataProvider().refreshAll();
        history.getDataProvider().refreshAll();
    }
}
