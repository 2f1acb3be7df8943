package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.server.VaadinSession;
import io.micronaut.context.annotation.Prototype;
import org.tomoni.platform.shared.Actor;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.ui.admin.PlatformView;
import org.tomoni.platform.ui.admin.AuditLogView;
import org.tomoni.platform.ui.admin.UsersView;
import org.tomoni.platform.ui.giving.BillingRunsView;
import org.tomoni.platform.ui.giving.DebitBatchesView;
import org.tomoni.platform.ui.giving.DonationsView;
import org.tomoni.platform.ui.giving.GiftPlansView;
import org.tomoni.platform.ui.giving.GivingSettingsView;
import org.tomoni.platform.ui.giving.ReceiptsView;
import org.tomoni.platform.ui.giving.RecurringGiftsView;
import org.tomoni.platform.ui.members.BranchesView;
import org.tomoni.platform.ui.members.CsvView;
import org.tomoni.platform.ui.members.DuplicatesView;
import org.tomoni.platform.ui.members.MembershipsView;
import org.tomoni.platform.ui.members.OrganizationsView;
import org.tomoni.platform.ui.members.PeopleView;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The frame of every signed-in page: the organisation's name, the user, the language switch,
 * sign-out, and a menu of the views whose capability the policy allows the user (the others are
 * hidden, and their routes refuse).
 */
@Prototype
public class MainLayout extends AppLayout implements LocaleChangeObserver {
    public final Select<Locale> language = new Select<>();
    public final Button logout = new Button();
    /** The signed-in user's own password (tenant staff and platform users alike). */
    public final Button password = new Button();
    public final SideNav nav = new SideNav();
    private final H1 title = new H1();
    private final Span user = new Span();
    private final AccessPolicy policy;

    MainLayout(AccessPolicy policy) {
        this.policy = policy;
        Actor actor = UiSession.require();
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        title.setText(actor.isTenantUser() ? UiSession.tenantName() : "ともに Tomoni");
        title.setId("tenant-name");
        user.setId("user-role");
        language.setId("language");
        language.setItems(UiI18n.JAPANESE, UiI18n.ENGLISH);
        language.setItemLabelGenerator(l -> "en".equals(l.getLanguage()) ? "English" : "日本語");
        language.setValue("en".equals(UI.getCurrent().getLocale().getLanguage()) ? UiI18n.ENGLISH : UiI18n.JAPANESE);
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                VaadinSession.getCurrent().setAttribute(AccessControl.LANGUAGE, e.getValue());
                UI.getCurrent().setLocale(e.getValue());
            }
        });
        password.setId("change-password-link");
        password.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY);
        password.addClickListener(e -> UI.getCurrent().navigate(PasswordChangeView.class));
        logout.setId("logout");
        logout.addClickListener(e -> {
            UiSession.signOut();
            UI.getCurrent().getPage().setLocation("/login");
        });
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, user, language, password, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.setWidthFull();
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
        addToDrawer(nav);
        relabel();
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        language.setLabel(null);
        language.setAriaLabel(getTranslation("layout.language"));
        Actor actor = UiSession.require();
        user.setText(policy.roleOf(actor).map(r -> getTranslation("role." + r.code())).orElse(""));
        logout.setText(getTranslation("layout.logout"));
        password.setText(getTranslation("layout.password"));
        nav.removeAll();
        // An item shows exactly when the policy allows its view's capability (the guard asks the same).
        Set<Capability> held = policy.capabilitiesOf(actor);
        SideNavItem giving = new SideNavItem(getTranslation("nav.giving"));
        for (MenuItem item : MENU) {
            if (held.contains(capabilityOf(item.view()))) {
                SideNavItem entry = new SideNavItem(getTranslation(item.label()), item.view());
                if (item.inGiving()) {
                    if (giving.getItems().isEmpty()) {
                        giving.setExpanded(true);
                        nav.addItem(giving);
                    }
                    giving.addItem(entry);
                } else {
                    nav.addItem(entry);
                }
            }
        }
    }

    /** One entry of the menu: its label key, its view, and whether it sits in the giving group. */
    public record MenuItem(String label, Class<? extends Component> view, boolean inGiving) {
    }

    /** The menu, in order; {@link #relabel} shows the items whose view's capability the user holds. */
    public static final List<MenuItem> MENU = List.of(
        new MenuItem("platform.title", PlatformView.class, false),
        new MenuItem("nav.people", PeopleView.class, false),
        new MenuItem("nav.organizations", OrganizationsView.class, false),
        new MenuItem("nav.branches", BranchesView.class, false),
        new MenuItem("nav.memberships", MembershipsView.class, false),
        new MenuItem("nav.csv", CsvView.class, false),
        new MenuItem("nav.duplicates", DuplicatesView.class, false),
        new MenuItem("nav.giftPlans", GiftPlansView.class, true),
        new MenuItem("nav.recurringGifts", RecurringGiftsView.class, true),
        new MenuItem("nav.billingRuns", BillingRunsView.class, true),
        new MenuItem("nav.donations", DonationsView.class, true),
        new MenuItem("nav.receipts", ReceiptsView.class, true),
        new MenuItem("nav.debitBatches", DebitBatchesView.class, true),
        new MenuItem("nav.givingSettings", GivingSettingsView.class, true),
        new MenuItem("nav.users", UsersView.class, false),
        new MenuItem("nav.auditLog", AuditLogView.class, false));

    /** The capability a view declares with {@link Allowed}. */
    public static Capability capabilityOf(Class<?> view) {
        Allowed allowed = view.getAnnotation(Allowed.class);
        if (allowed == null) {
            throw new IllegalArgumentException(view + " declares no capability");
        }
        return allowed.value();
    }
}
