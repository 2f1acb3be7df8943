package org.tomoni.platform.ui.shell;

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
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.ui.admin.PlatformView;
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

import java.util.Locale;

/**
 * The frame of every signed-in page: the organisation's name, the user, the language switch,
 * sign-out, and a menu of the modules the tenant has enabled (others are hidden; their routes
 * refuse).
 */
@Prototype
public class MainLayout extends AppLayout implements LocaleChangeObserver {
    public final Select<Locale> language = new Select<>();
    public final Button logout = new Button();
    public final SideNav nav = new SideNav();
    private final H1 title = new H1();
    private final Span user = new Span();
    private final TenantRegistry tenants;

    MainLayout(TenantRegistry tenants) {
        this.tenants = tenants;
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
        logout.setId("logout");
        logout.addClickListener(e -> {
            UiSession.signOut();
            UI.getCurrent().getPage().setLocation("/login");
        });
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, user, language, logout);
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
        user.setText(getTranslation("role." + UiSession.require().roles().iterator().next().code()));
        logout.setText(getTranslation("layout.logout"));
        nav.removeAll();
        Actor actor = UiSession.require();
        if (!actor.isTenantUser()) {
            nav.addItem(new SideNavItem(getTranslation("platform.title"), PlatformView.class));
            return;
        }
        var settings = tenants.findById(actor.tenantId()).map(t -> t.settings());
        boolean members = settings.map(s -> s.enables(Module.MEMBERS)).orElse(false);
        if (members) {
            nav.addItem(new SideNavItem(getTranslation("nav.people"), PeopleView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.organizations"), OrganizationsView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.branches"), BranchesView.class));
            nav.addItem(new SideNavItem(getTranslation("nav.memberships"), MembershipsView.class));
            if (actor.canWriteTenantData()) {
                nav.addItem(new SideNavItem(getTranslation("nav.csv"), CsvView.class));
                nav.addItem(new SideNavItem(getTranslation("nav.duplicates"), DuplicatesView.class));
            }
        }
        if (settings.map(s -> s.enables(Module.GIVING)).orElse(false)) {
            SideNavItem giving = new SideNavItem(getTranslation("nav.giving"));
            giving.addItem(new SideNavItem(getTranslation("nav.giftPlans"), GiftPlansView.class));
            giving.addItem(new SideNavItem(getTranslation("nav.recurringGifts"), RecurringGiftsView.class));
            giving.addItem(new SideNavItem(getTranslation("nav.billingRuns"), BillingRunsView.class));
            giving.addItem(new SideNavItem(getTranslation("nav.donations"), DonationsView.class));
            giving.addItem(new SideNavItem(getTranslation("nav.receipts"), ReceiptsView.class));
            giving.addItem(new SideNavItem(getTranslation("nav.debitBatches"), DebitBatchesView.class));
            giving.addItem(new SideNavItem(getTranslation("nav.givingSettings"), GivingSettingsView.class));
            giving.setExpanded(true);
            nav.addItem(giving);
        }
        if (actor.has(org.tomoni.platform.shared.Role.TENANT_ADMIN)) {
            nav.addItem(new SideNavItem(getTranslation("nav.users"), UsersView.class));
        }
    }
}
