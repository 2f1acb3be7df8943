package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
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
import java.util.Map;

/** Organisations of the tenant (federations, hubs, companies…): a lazy list and a quick add. */
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

    OrganizationsView(Organizations organizations, Messages messages, org.tomoni.platform.shared.PostalCodes postalCodes) {
        super("organizations.title", null);
        form.addressLookup.use(postalCodes);
        this.organizations = organizations;
        this.messages = messages;
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
        add(title, tools, count, form, grid);
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
        count.setText(total == 0 ? getTranslation("organizations.empty") : getTranslation("people.count", total));
    }

    /** Loads an organisation into the form; saving then updates it (with its version). */
    void edit(OrganizationView o) {
        editing = o;
        form.edit(o);
    }

    /** Back to the list with an empty form: what was being edited stays as stored, nothing is saved. */
    void startNew() {
        editing = null;
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
        countText();
    }
}
