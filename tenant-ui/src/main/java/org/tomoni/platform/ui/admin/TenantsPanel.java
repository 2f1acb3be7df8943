package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import org.tomoni.platform.onboarding.TenantKinds;
import org.tomoni.platform.onboarding.TenantOnboarding;
import org.tomoni.platform.shared.Messages;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantKindView;
import org.tomoni.platform.ui.components.FieldErrors;
import org.tomoni.platform.ui.components.UiFormat;
import org.tomoni.platform.ui.shell.UiSession;

import java.util.List;
import java.util.Map;

/**
 * The platform operator's tenants: every organisation on the platform, and the onboarding form (the organisation's ID,
 * names and kind, and its first administrator) that the API's {@code POST /api/v1/tenants} also serves. The server's
 * checks decide; its messages appear beside their fields. A generated temporary password is shown here once.
 */
public class TenantsPanel extends Composite<VerticalLayout> implements LocaleChangeObserver {
    final H3 title = new H3();
    final Grid<Tenant> grid = new Grid<>();
    final TextField slug = new TextField();
    final TextField nameJa = new TextField();
    final TextField nameEn = new TextField();
    final Select<TenantKindView> kind = new Select<>();
    final TextField adminUsername = new TextField();
    final TextField adminDisplayName = new TextField();
    final PasswordField adminPassword = new PasswordField();
    final Button onboard = new Button();
    final Paragraph issued = new Paragraph();
    private final Grid.Column<Tenant> slugColumn;
    private final Grid.Column<Tenant> nameColumn;
    private final Grid.Column<Tenant> kindColumn;
    private final Grid.Column<Tenant> statusColumn;
    private final Grid.Column<Tenant> createdColumn;
    private final TenantOnboarding onboarding;
    private final Messages messages;
    private Map<String, TenantKindView> kinds = Map.of();

    public TenantsPanel(TenantOnboarding onboarding, TenantKinds tenantKinds, Messages messages) {
        this.onboarding = onboarding;
        this.messages = messages;
        slug.setId("tenant-slug");
        nameJa.setId("tenant-name-ja");
        nameEn.setId("tenant-name-en");
        kind.setId("tenant-kind");
        adminUsername.setId("tenant-admin-username");
        adminDisplayName.setId("tenant-admin-name");
        adminPassword.setId("tenant-admin-password");
        onboard.setId("tenant-onboard");
        onboard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        onboard.addClickListener(e -> onboard());
        issued.setId("tenant-issued-password");
        issued.setVisible(false);
        if (tenantKinds.list(UiSession.require(), PageRequest.of(0, 100)) instanceof Outcome.Ok<org.tomoni.platform.shared.Page<TenantKindView>> ok) {
            kinds = ok.value().items().stream().collect(java.util.stream.Collectors.toMap(TenantKindView::code, k -> k,
                (x, y) -> x, java.util.LinkedHashMap::new));
        }
        kind.setItems(List.copyOf(kinds.values()));

        slugColumn = grid.addColumn(Tenant::slug).setKey("slug").setAutoWidth(true);
        // Names are long (National Association of Childcare Hubs): they wrap in their cell instead of widening the list.
        nameColumn = grid.addColumn(t -> english() ? t.nameEn() : t.nameJa()).setKey("name").setWidth("12em").setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        kindColumn = grid.addColumn(t -> kindName(t.kind())).setKey("kind").setAutoWidth(true);
        statusColumn = grid.addColumn(t -> getTranslation("tenants.status." + t.status())).setKey("status").setAutoWidth(true);
        createdColumn = grid.addColumn(t -> t.createdAt() == null ? "" : UiFormat.date(t.createdAt().atZoneSameInstant(UiFormat.TOKYO)
            .toLocalDate(), getLocale())).setKey("createdAt").setAutoWidth(true);
        grid.setAllRowsVisible(true);

        FormLayout form = new FormLayout(slug, kind, nameJa, nameEn, adminUsername, adminDisplayName, adminPassword);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        getContent().setPadding(false);
        getContent().add(title, grid, form, new HorizontalLayout(onboard), issued);
        setId("tenants");
        relabel();
        refresh();
    }

    void onboard() {
        FieldErrors.clear(fields());
        issued.setVisible(false);
        TenantKindView k = kind.getValue();
        var request = new TenantOnboarding.Request(slug.getValue(), nameJa.getValue(), nameEn.getValue(), k == null ? null : k.code(), null,
            new TenantOnboarding.NewAdmin(adminUsername.getValue(), blankToNull(adminDisplayName.getValue()), blankToNull(adminPassword.getValue())));
        Outcome<TenantOnboarding.Onboarded> outcome = onboarding.onboard(UiSession.require(), request);
        if (outcome instanceof Outcome.Rejected<TenantOnboarding.Onboarded> rejected) {
            if (!FieldErrors.mark(rejected, fields(), messages, getLocale())) {
                FieldErrors.notify(messages.get(rejected.code().messageKey(), getLocale()), NotificationVariant.LUMO_ERROR);
            }
            return;
        }
        TenantOnboarding.Onboarded done = outcome.orThrow();
        String password = done.admin().temporaryPassword();
        if (password != null) {
            issued.setText(getTranslation("tenants.issued", done.tenant().slug(), done.admin().user().username(), password));
            issued.setVisible(true);
        }
        FieldErrors.notify(getTranslation("tenants.onboarded", english() ? done.tenant().nameEn() : done.tenant().nameJa()),
            NotificationVariant.LUMO_SUCCESS);
        slug.clear();
        nameJa.clear();
        nameEn.clear();
        kind.clear();
        adminUsername.clear();
        adminDisplayName.clear();
        adminPassword.clear();
        refresh();
    }

    private Map<String, HasValidation> fields() {
        return Map.of("slug", slug, "nameJa", nameJa, "nameEn", nameEn, "kind", kind, "admin.username", adminUsername,
            "admin.displayName", adminDisplayName, "admin.password", adminPassword);
    }

    void refresh() {
        if (onboarding.tenants(UiSession.require()) instanceof Outcome.Ok<org.tomoni.platform.shared.Page<Tenant>> ok) {
            grid.setItems(ok.value().items());
        }
    }

    private String kindName(String code) {
        TenantKindView k = kinds.get(code);
        return k == null ? code : english() ? k.nameEn() : k.nameJa();
    }

    private boolean english() {
        return "en".equals(getLocale().getLanguage());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
        grid.getDataProvider().refreshAll();
        grid.recalculateColumnWidths();
    }

    private void relabel() {
        title.setText(getTranslation("tenants.title"));
        slug.setLabel(getTranslation("tenants.slug"));
        slug.setHelperText(getTranslation("tenants.slug.help"));
        nameJa.setLabel(getTranslation("tenants.nameJa"));
        nameEn.setLabel(getTranslation("tenants.nameEn"));
        kind.setLabel(getTranslation("tenants.kind"));
        kind.setItemLabelGenerator(k -> english() ? k.nameEn() : k.nameJa());
        adminUsername.setLabel(getTranslation("tenants.adminUsername"));
        adminDisplayName.setLabel(getTranslation("tenants.adminDisplayName"));
        adminPassword.setLabel(getTranslation("tenants.adminPassword"));
        adminPassword.setHelperText(getTranslation("tenants.adminPassword.help"));
        onboard.setText(getTranslation("tenants.onboard"));
        slugColumn.setHeader(getTranslation("tenants.slug"));
        nameColumn.setHeader(getTranslation("tenants.name"));
        kindColumn.setHeader(getTranslation("tenants.kind"));
        statusColumn.setHeader(getTranslation("tenants.status"));
        createdColumn.setHeader(getTranslation("tenants.createdAt"));
        grid.setEmptyStateText(getTranslation("tenants.empty"));
    }
}
