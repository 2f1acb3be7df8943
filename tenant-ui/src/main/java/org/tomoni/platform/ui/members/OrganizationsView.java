package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Route;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.members.OrganizationKind;
import org.tomoni.platform.members.OrganizationRequest;
import org.tomoni.platform.members.OrganizationView;
import org.tomoni.platform.members.Organizations;
import org.tomoni.platform.shared.FieldError;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.Page;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.ui.components.LazyGrids;
import org.tomoni.platform.ui.components.ListView;
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Organisations of the tenant (federations, hubs, companies…): a lazy list and a quick add. */
@Route(value = "organizations", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class OrganizationsView extends ListView<OrganizationView> {
    final TextField search = new TextField();
    final TextField name = new TextField();
    final TextField nameKana = new TextField();
    final ComboBox<OrganizationKind> kind = new ComboBox<>();
    final TextField email = new TextField();
    final TextField phone = new TextField();
    final TextField postalCode = new TextField();
    final ComboBox<String> prefecture = new ComboBox<>();
    final TextField city = new TextField();
    final TextField addressLine1 = new TextField();
    final Button add = new Button();
    final Span count = new Span();
    private final H2 title = new H2();
    private final Map<String, Grid.Column<OrganizationView>> columns = new LinkedHashMap<>();
    private OrganizationView editing;
    private final Organizations organizations;
    private final Messages messages;

    OrganizationsView(Organizations organizations, Messages messages) {
        super("organizations.title", null);
        this.organizations = organizations;
        this.messages = messages;
        setSizeFull();
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.addValueChangeListener(e -> refresh());
        kind.setItems(Arrays.asList(OrganizationKind.values()));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> create());
        prefecture.setItems(org.tomoni.platform.shared.Prefectures.NAMES);
        com.vaadin.flow.component.formlayout.FormLayout form = new com.vaadin.flow.component.formlayout.FormLayout(name, nameKana, kind,
            email, phone, postalCode, prefecture, city, addressLine1, add);
        form.setResponsiveSteps(new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("0", 1),
            new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("40em", 3));
        form.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        columns.put("people.memberNumber", grid.addColumn(o -> o.memberNumber() == null ? "" : o.memberNumber()).setAutoWidth(true));
        columns.put("organizations.name", grid.addColumn(OrganizationView::name).setAutoWidth(true));
        columns.put("organizations.nameKana", grid.addColumn(OrganizationView::nameKana).setAutoWidth(true));
        columns.put("organizations.kind", grid.addColumn(o -> getTranslation("kind." + o.kind())).setAutoWidth(true));
        columns.put("people.prefecture", grid.addColumn(OrganizationView::prefecture).setAutoWidth(true));
        grid.addItemClickListener(e -> edit(e.getItem()));
        add(title, search, count, form, grid);
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
        name.setValue(o.name());
        nameKana.setValue(o.nameKana());
        kind.setValue(OrganizationKind.valueOf(o.kind().toUpperCase()));
        email.setValue(o.email() == null ? "" : o.email());
        phone.setValue(o.phone() == null ? "" : o.phone());
        postalCode.setValue(o.postalCode() == null ? "" : o.postalCode());
        prefecture.setValue(o.prefecture());
        city.setValue(o.city() == null ? "" : o.city());
        addressLine1.setValue(o.addressLine1() == null ? "" : o.addressLine1());
        add.setText(getTranslation("person.save"));
    }

    void create() {
        List.of(name, nameKana).forEach(f -> f.setInvalid(false));
        kind.setInvalid(false);
        List.of(email, phone, postalCode, city, addressLine1).forEach(f -> f.setInvalid(false));
        prefecture.setInvalid(false);
        OrganizationRequest request = new OrganizationRequest(name.getValue(), nameKana.getValue(),
            kind.getValue() == null ? null : kind.getValue().code(), email.getValue(), phone.getValue(),
            editing == null ? null : editing.website(), postalCode.getValue(), prefecture.getValue(), city.getValue(), addressLine1.getValue(),
            editing == null ? null : editing.addressLine2(), editing == null ? null : editing.notes(),
            editing == null || editing.memberNumber() == null ? null : editing.memberNumber().toString(),
            editing == null || editing.branchId() == null ? null : editing.branchId().toString());
        Outcome<OrganizationView> outcome = editing == null ? organizations.create(UiSession.require(), request)
            : organizations.update(UiSession.require(), editing.id(), editing.version(), request);
        if (outcome instanceof Outcome.Rejected<OrganizationView> r) {
            if (r.code() == org.tomoni.platform.shared.ErrorCode.VERSION_CONFLICT) {
                count.setText(getTranslation("person.conflict"));
                return;
            }
            for (FieldError e : r.errors()) {
                var field = switch (e.field()) {
                    case "name" -> (com.vaadin.flow.component.HasValidation) name;
                    case "nameKana" -> nameKana;
                    case "email" -> email;
                    case "phone" -> phone;
                    case "postalCode" -> postalCode;
                    case "prefecture" -> prefecture;
                    case "city" -> city;
                    case "addressLine1" -> addressLine1;
                    default -> kind;
                };
                field.setErrorMessage(messages.get("field." + e.code(), getLocale()));
                field.setInvalid(true);
            }
            return;
        }
        editing = null;
        add.setText(getTranslation("organizations.add"));
        List.of(name, nameKana, email, phone, postalCode, city, addressLine1).forEach(TextField::clear);
        kind.clear();
        prefecture.clear();
        refresh();
    }

    private Outcome<Page<OrganizationView>> page(String q, PageRequest request) {
        return organizations.search(UiSession.require(), q, null, null, request);
    }

    @Override
    protected void relabel() {
        title.setText(getTranslation("organizations.title"));
        search.setPlaceholder(getTranslation("organizations.search"));
        name.setLabel(getTranslation("organizations.name"));
        nameKana.setLabel(getTranslation("organizations.nameKana"));
        kind.setLabel(getTranslation("organizations.kind"));
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.code()));
        add.setText(getTranslation(editing == null ? "organizations.add" : "person.save"));
        email.setLabel(getTranslation("person.email"));
        phone.setLabel(getTranslation("person.phone"));
        postalCode.setLabel(getTranslation("person.postalCode"));
        prefecture.setLabel(getTranslation("person.prefecture"));
        city.setLabel(getTranslation("person.city"));
        addressLine1.setLabel(getTranslation("person.addressLine1"));
        columns.forEach((key, column) -> column.setHeader(getTranslation(key)));
        countText();
    }
}
