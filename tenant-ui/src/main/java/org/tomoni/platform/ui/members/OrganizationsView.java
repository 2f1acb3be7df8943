package org.tomoni.platform.ui.members;

import org.tomoni.platform.access.Capability;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
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
import org.tomoni.platform.ui.shell.Allowed;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.Arrays;
import java.util.List;

/** Organisations of the tenant (federations, hubs, companies…): a lazy list and a quick add. */
@Route(value = "organizations", layout = MainLayout.class)
@Allowed(Capability.PEOPLE_READ)
@Prototype
public class OrganizationsView extends VerticalLayout implements HasDynamicTitle {
    final TextField search = new TextField();
    public final Grid<OrganizationView> grid = new Grid<>();
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
    private OrganizationView editing;
    private final Organizations organizations;
    private final Messages messages;

    OrganizationsView(Organizations organizations, Messages messages) {
        this.organizations = organizations;
        this.messages = messages;
        setSizeFull();
        search.setPlaceholder(getTranslation("organizations.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("24em");
        search.addValueChangeListener(e -> refresh());
        name.setLabel(getTranslation("organizations.name"));
        nameKana.setLabel(getTranslation("organizations.nameKana"));
        kind.setLabel(getTranslation("organizations.kind"));
        kind.setItems(Arrays.asList(OrganizationKind.values()));
        kind.setItemLabelGenerator(k -> getTranslation("kind." + k.code()));
        add.setText(getTranslation("organizations.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> create());
        email.setLabel(getTranslation("person.email"));
        phone.setLabel(getTranslation("person.phone"));
        postalCode.setLabel(getTranslation("person.postalCode"));
        prefecture.setLabel(getTranslation("person.prefecture"));
        prefecture.setItems(org.tomoni.platform.shared.Prefectures.NAMES);
        city.setLabel(getTranslation("person.city"));
        addressLine1.setLabel(getTranslation("person.addressLine1"));
        com.vaadin.flow.component.formlayout.FormLayout form = new com.vaadin.flow.component.formlayout.FormLayout(name, nameKana, kind,
            email, phone, postalCode, prefecture, city, addressLine1, add);
        form.setResponsiveSteps(new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("0", 1),
            new com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep("40em", 3));
        form.setVisible(UiSession.allows(Capability.PEOPLE_WRITE));
        grid.addColumn(o -> o.memberNumber() == null ? "" : o.memberNumber()).setHeader(getTranslation("people.memberNumber")).setAutoWidth(true);
        grid.addColumn(OrganizationView::name).setHeader(getTranslation("organizations.name")).setAutoWidth(true);
        grid.addColumn(OrganizationView::nameKana).setHeader(getTranslation("organizations.nameKana")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("kind." + o.kind())).setHeader(getTranslation("organizations.kind")).setAutoWidth(true);
        grid.addColumn(OrganizationView::prefecture).setHeader(getTranslation("people.prefecture")).setAutoWidth(true);
        grid.setPageSize(LazyGrids.PAGE);
        grid.addItemClickListener(e -> edit(e.getItem()));
        add(new H2(getTranslation("organizations.title")), search, count, form, grid);
        expand(grid);
        refresh();
    }

    void refresh() {
        String q = search.getValue();
        long total = page(q, PageRequest.of(0, 1)).total();
        count.setText(total == 0 ? getTranslation("organizations.empty") : getTranslation("people.count", total));
        LazyGrids.bind(grid, request -> page(q, request));
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

    private Page<OrganizationView> page(String q, PageRequest request) {
        Outcome<Page<OrganizationView>> o = organizations.search(UiSession.require(), q, null, null, request);
        return o instanceof Outcome.Ok<Page<OrganizationView>> ok ? ok.value() : new Page<>(List.of(), 0, 0, request.size());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("organizations.title");
    }
}
