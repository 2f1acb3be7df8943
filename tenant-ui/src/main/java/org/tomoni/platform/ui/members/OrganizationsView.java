package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import org.tomoni.platform.giving.Donations;
import org.tomoni.platform.giving.Donations.DonationView;
import org.tomoni.platform.members.memberships.MembershipRequest;
import org.tomoni.platform.members.memberships.MembershipTypeView;
import org.tomoni.platform.members.memberships.MembershipTypes;
import org.tomoni.platform.members.memberships.MembershipView;
import org.tomoni.platform.members.memberships.Memberships;
import org.tomoni.platform.ui.components.UiFormat;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.organizations.OrganizationRequest;
import org.tomoni.platform.members.organizations.OrganizationView;
import org.tomoni.platform.members.organizations.Organizations;
import org.tomoni.platform.shared.ErrorCode;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Organisations of the tenant (federations, hubs, companies…): a lazy list and a quick add. An
 * organisation opened from the list shows its memberships (and enrols it on a type for
 * organisations) and the donations and fees received from it.
 */
@Route(value = "organizations", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class OrganizationsView extends ListView<OrganizationView> {
    final TextField search = new TextField();
    final OrganizationForm form = new OrganizationForm();
    final Span count = new Span();
    /** Empties the form for a new organisation (leaving any edit unsaved). */
    final Button create = new Button();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<OrganizationView>> columns = new LinkedHashMap<>();
    private OrganizationView editing;
    private final Organizations organizations;
    private final Messages messages;
    private final Memberships memberships;
    private final MembershipTypes membershipTypes;
    private final Donations donations;
    /** The opened organisation's memberships, its enrolment line and the money received from it. */
    final VerticalLayout details = new VerticalLayout();
    private final H3 membershipsTitle = new H3();
    public final Grid<MembershipView> orgMemberships = new Grid<>();
    private final Map<String, Grid.Column<MembershipView>> membershipColumns = new LinkedHashMap<>();
    final Select<MembershipTypeView> enrolType = new Select<>();
    final IntegerField enrolUnits = new IntegerField();
    final Button enrol = new Button();
    final Span enrolMessage = new Span();
    private final H3 donationsTitle = new H3();
    public final Grid<DonationView> orgDonations = new Grid<>();
    private final Map<String, Grid.Column<DonationView>> donationColumns = new LinkedHashMap<>();

    OrganizationsView(Organizations organizations, Messages messages, Memberships memberships, MembershipTypes membershipTypes,
                      Donations donations, org.tomoni.platform.shared.PostalCodes postalCodes) {
        super("organizations.title", "organizations.none", "organizations.empty", false);
        form.addressLookup.use(postalCodes);
        this.organizations = organizations;
        this.messages = messages;
        this.memberships = memberships;
        this.membershipTypes = membershipTypes;
        this.donations = donations;
        setSizeFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.addValueChangeListener(e -> refresh());
        form.addSaveListener(e -> save(e.value()));
        form.addCancelListener(e -> startNew());
        form.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        create.setId("organizations-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> {
            startNew();
            form.name.focus();
        });
        create.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        columns.put("people.memberNumber", grid.addColumn(o -> o.memberNumber() == null ? "" : o.memberNumber()).setAutoWidth(true));
        // Names and readings run long (ＮＰＯ法人…): they share the room left and wrap inside their cells, the list never scrolls sideways.
        columns.put("organizations.name", grid.addColumn(OrganizationView::name).setWidth("14em").setFlexGrow(2));
        columns.put("organizations.nameKana", grid.addColumn(OrganizationView::nameKana).setWidth("14em").setFlexGrow(2));
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        columns.put("organizations.kind", grid.addColumn(o -> getTranslation("kind." + o.kind())).setAutoWidth(true));
        columns.put("people.prefecture", grid.addColumn(OrganizationView::prefecture).setAutoWidth(true));
        grid.addItemClickListener(e -> edit(e.getItem()));
        HorizontalLayout tools = new HorizontalLayout(search, create);
        tools.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        buildDetails();
        add(title, tools, count, form, details, grid);
        expand(grid);
        localize();
        refresh();
    }

    void refresh() {
        String q = search.getValue();
        query(request -> page(q, request));
        countText();
    }

    /** 全3件, or that none matches. */
    private void countText() {
        String q = search.getValue();
        long total = LazyGrids.orEmpty(request -> page(q, request), PageRequest.of(0, 1)).total();
        count.setText(total == 0 ? emptyText() : getTranslation("people.count", total));
    }

    @Override
    protected boolean filtered() {
        return search.getValue() != null && !search.getValue().isBlank();
    }

    /** Loads an organisation into the form; saving then updates it (with its version). Its memberships and gifts show below. */
    void edit(OrganizationView o) {
        editing = o;
        form.edit(o);
        enrolMessage.setText("");
        showDetails();
    }

    private void buildDetails() {
        membershipColumns.put("types.name", orgMemberships.addColumn(MembershipView::typeName).setAutoWidth(true));
        membershipColumns.put("memberships.units", orgMemberships.addColumn(MembershipView::units).setAutoWidth(true));
        membershipColumns.put("memberships.dues", orgMemberships.addColumn(m -> UiFormat.yen(m.duesPerPeriod(), getLocale())).setAutoWidth(true));
        membershipColumns.put("memberships.startsOn", orgMemberships.addColumn(m -> UiFormat.date(m.startsOn(), getLocale())).setAutoWidth(true));
        membershipColumns.put("memberships.status", orgMemberships.addColumn(m -> getTranslation("membership.status." + m.status())).setAutoWidth(true));
        orgMemberships.setAllRowsVisible(true);
        orgMemberships.setId("organization-memberships");
        enrolType.setId("organization-enrol-type");
        enrolType.setItemLabelGenerator(MembershipTypeView::name);
        enrolUnits.setMin(1);
        enrolUnits.setValue(1);
        enrol.setId("organization-enrol");
        enrol.addClickListener(e -> enrolEditing());
        HorizontalLayout enrolLine = new HorizontalLayout(enrolType, enrolUnits, enrol);
        enrolLine.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        enrolLine.setWrap(true);
        enrolLine.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        donationColumns.put("donations.receivedOn", orgDonations.addColumn(d -> UiFormat.date(java.time.LocalDate.parse(d.receivedOn()), getLocale()))
            .setAutoWidth(true));
        donationColumns.put("donations.kind", orgDonations.addColumn(d -> getTranslation("donation.kind." + d.kind())).setAutoWidth(true));
        donationColumns.put("donations.amount", orgDonations.addColumn(d -> UiFormat.yen(d.amount(), getLocale())).setAutoWidth(true));
        donationColumns.put("donations.receipt", orgDonations.addColumn(d -> getTranslation("donation.receipt." + d.receiptStatus())).setAutoWidth(true));
        orgDonations.setAllRowsVisible(true);
        orgDonations.setId("organization-donations");
        boolean seesGiving = UiSession.allows(Capability.GIVING_READ);
        donationsTitle.setVisible(seesGiving);
        orgDonations.setVisible(seesGiving);
        details.add(membershipsTitle, orgMemberships, enrolLine, enrolMessage, donationsTitle, orgDonations);
        details.setPadding(false);
        details.setVisible(false);
    }

    /** The opened organisation's memberships (every status), the types it may be enrolled on, and what it gave or paid. */
    private void showDetails() {
        if (editing == null) {
            details.setVisible(false);
            return;
        }
        UUID id = editing.id();
        Outcome<Page<MembershipView>> held = memberships.list(UiSession.require(), null, null, null, null, id,
            PageRequest.of(0, PageRequest.MAX_SIZE));
        orgMemberships.setItems(held instanceof Outcome.Ok<Page<MembershipView>> ok ? ok.value().items() : List.of());
        Outcome<Page<MembershipTypeView>> types = membershipTypes.list(UiSession.require(), PageRequest.of(0, PageRequest.MAX_SIZE));
        enrolType.setItems(types instanceof Outcome.Ok<Page<MembershipTypeView>> ok ? ok.value().items().stream()
            .filter(t -> !"person".equals(t.memberKind())).toList() : List.of());
        if (orgDonations.isVisible()) {
            Outcome<Page<DonationView>> given = donations.list(UiSession.require(), null, id, null, null, PageRequest.of(0, PageRequest.MAX_SIZE));
            orgDonations.setItems(given instanceof Outcome.Ok<Page<DonationView>> ok ? ok.value().items() : List.of());
        }
        details.setVisible(true);
    }

    /** Enrols the opened organisation on the chosen type; the domain's reason shows beside the line. */
    void enrolEditing() {
        if (editing == null) {
            return;
        }
        MembershipTypeView type = enrolType.getValue();
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("typeId", enrolType, "units", enrolUnits);
        Outcome<MembershipView> outcome = memberships.create(UiSession.require(), new MembershipRequest(null, editing.id().toString(),
            type == null ? null : type.id().toString(), enrolUnits.getValue(), null, null));
        if (outcome instanceof Outcome.Rejected<MembershipView> r) {
            FieldErrors.mark(r, fields, messages, getLocale());
            enrolMessage.setText(r.errors().stream().map(e -> getTranslation("memberships.field." + e.field()) + "："
                + messages.get("field." + e.code(), getLocale())).collect(java.util.stream.Collectors.joining(" ")));
            return;
        }
        MembershipView m = ((Outcome.Ok<MembershipView>) outcome).value();
        FieldErrors.clear(fields);
        enrolMessage.setText(getTranslation("organizations.enrolled", editing.name(), m.typeName(), m.memberNumber()));
        // The first membership gives the member number: read the organisation again so a save keeps it.
        if (organizations.get(UiSession.require(), editing.id()) instanceof Outcome.Ok<OrganizationView> fresh) {
            editing = fresh.value();
        }
        showDetails();
        grid.getDataProvider().refreshAll();
    }

    /** Back to the list with an empty form: what was being edited stays as stored, nothing is saved. */
    void startNew() {
        editing = null;
        details.setVisible(false);
        enrolMessage.setText("");
        FieldErrors.clear(form.fields());
        form.clear();
        grid.deselectAll();
        countText();
    }

    /** Adds the organisation, or saves the one being edited; what the form does not show is kept as it was. */
    void save(OrganizationForm.Draft d) {
        OrganizationRequest request = new OrganizationRequest(d.name, d.nameKana, d.kind == null ? null : d.kind.code(), d.email, d.phone,
            editing == null ? null : editing.website(), d.postalCode, d.prefecture, d.city, d.addressLine1,
            editing == null ? null : editing.addressLine2(), editing == null ? null : editing.notes(),
            editing == null || editing.memberNumber() == null ? null : editing.memberNumber().toString(),
            editing == null || editing.branchId() == null ? null : editing.branchId().toString());
        Outcome<OrganizationView> outcome = editing == null ? organizations.create(UiSession.require(), request)
            : organizations.update(UiSession.require(), editing.id(), editing.version(), request);
        if (outcome instanceof Outcome.Rejected<OrganizationView> r) {
            if (r.code() == ErrorCode.VERSION_CONFLICT) {
                count.setText(getTranslation("person.conflict"));
                return;
            }
            FieldErrors.show(r, form.fields(), messages, getLocale());
            return;
        }
        FieldErrors.clear(form.fields());
        editing = null;
        details.setVisible(false);
        form.clear();
        refresh();
    }

    private Outcome<Page<OrganizationView>> page(String q, PageRequest request) {
        return organizations.search(UiSession.require(), q, null, null, request);
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("organizations.title"));
        search.setPlaceholder(getTranslation("organizations.search"));
        create.setText(getTranslation("organizations.new"));
        columns.forEach((key, column) -> column.setHeader(getTranslation(key)));
        membershipsTitle.setText(getTranslation("organizations.memberships"));
        membershipColumns.forEach((key, column) -> column.setHeader(getTranslation(key)));
        orgMemberships.setEmptyStateText(getTranslation("organizations.memberships.none"));
        enrolType.setLabel(getTranslation("types.name"));
        enrolUnits.setLabel(getTranslation("memberships.units"));
        enrol.setText(getTranslation("organizations.enrol"));
        donationsTitle.setText(getTranslation("organizations.donations"));
        donationColumns.forEach((key, column) -> column.setHeader(getTranslation(key)));
        orgDonations.setEmptyStateText(getTranslation("organizations.donations.none"));
        countText();
    }
}
