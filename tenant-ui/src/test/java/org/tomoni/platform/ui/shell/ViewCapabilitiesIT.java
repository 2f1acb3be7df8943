package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteConfiguration;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.access.AccessPolicy;
import org.tomoni.platform.access.Capability;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Module;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.ViewTest;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Vaadin route declares its capability ({@link Allowed}) or that it is a public page
 * ({@link PublicRoute}, naming its narrow capability), and the menu shows exactly the views whose
 * capability the policy allows the signed-in user.
 */
@MicronautTest(transactional = false)
class ViewCapabilitiesIT extends ViewTest {

    @BeforeAll
    void menuTenants() {
        tenants().create("menu-full", "other");
        var noGiving = tenants().createWithout("menu-nogiving", "other", Module.GIVING);
        tenants().userToken(noGiving, "reader", Role.READ_ONLY);
    }

    @Test
    void every_route_declares_a_capability_or_that_it_is_public() {
        List<Class<?>> targets = new ArrayList<>();
        RouteConfiguration.forApplicationScope().getAvailableRoutes().forEach(r -> targets.add(r.getNavigationTarget()));
        assertThat(targets).as("the scan finds the views").hasSizeGreaterThan(15);
        List<String> undeclared = new ArrayList<>();
        for (Class<?> target : targets) {
            boolean allowed = target.isAnnotationPresent(Allowed.class);
            boolean isPublic = target.isAnnotationPresent(PublicRoute.class);
            if (allowed == isPublic) {
                undeclared.add(target.getName());
            }
        }
        assertThat(undeclared).as("routes with neither (or both) of @Allowed and @PublicRoute").isEmpty();
    }

    private List<Class<? extends Component>> menuViews() {
        MainLayout layout = _get(MainLayout.class);
        List<Class<? extends Component>> views = new ArrayList<>();
        layout.nav.getItems().stream().flatMap(i -> Stream.concat(Stream.of(i), i.getItems().stream()))
            .map(SideNavItem::getPath).filter(p -> p != null)
            .forEach(p -> views.add(RouteConfiguration.forApplicationScope().getRoute(p).orElseThrow()));
        return views;
    }

    private List<Class<? extends Component>> allowedMenu() {
        AccessPolicy policy = context.getBean(AccessPolicy.class);
        List<Class<? extends Component>> allowed = new ArrayList<>();
        MainLayout.MENU.stream().map(MainLayout.MenuItem::view)
            .filter(v -> policy.allows(UiSession.require(), MainLayout.capabilityOf(v))).forEach(allowed::add);
        return allowed;
    }

    @Test
    void the_menu_of_an_admin_shows_exactly_what_the_policy_allows() {
        signInAdmin("menu-full");
        assertThat(menuViews()).containsExactlyElementsOf(allowedMenu());
        assertThat(menuViews()).contains(org.tomoni.platform.ui.admin.UsersView.class, org.tomoni.platform.ui.giving.GiftPlansView.class);
    }

    @Test
    void the_menu_of_a_reader_without_giving_shows_exactly_what_the_policy_allows() {
        signIn("menu-nogiving", "reader", TestTenants.PASSWORD);
        assertThat(menuViews()).containsExactlyElementsOf(allowedMenu());
        assertThat(menuViews()).contains(org.tomoni.platform.ui.members.PeopleView.class)
            .doesNotContain(org.tomoni.platform.ui.members.CsvView.class, org.tomoni.platform.ui.admin.UsersView.class,
                org.tomoni.platform.ui.giving.GiftPlansView.class);
        assertThat(MainLayout.capabilityOf(org.tomoni.platform.ui.giving.GiftPlansView.class)).isEqualTo(Capability.GIVING_READ);
    }
}
