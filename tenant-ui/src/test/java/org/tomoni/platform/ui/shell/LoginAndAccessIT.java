package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.admin.PlatformView;
import org.tomoni.platform.ui.members.PeopleView;
import org.tomoni.platform.ui.members.PersonFormView;
import org.tomoni.platform.ui.publicpages.DonorGiftView;
import org.tomoni.platform.ui.publicpages.PublicSignupView;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

@MicronautTest(transactional = false)
class LoginAndAccessIT extends ViewTest {

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.security.login.max-failures-per-account", "3");
    }

    org.tomoni.platform.testing.TestTenants.TestTenant tenant;

    @BeforeAll
    void tenantsAndUsers() {
        tenant = tenants().create("ui-login", "children_fund");
        var grantsOnly = context.getBean(org.tomoni.platform.onboarding.TenantOnboarding.class).onboard(
            new org.tomoni.platform.shared.Actor(null, "t", null, null, java.util.Set.of(Role.PLATFORM_OPERATOR), null),
            new org.tomoni.platform.onboarding.TenantOnboarding.Request("ui-grants", "助成だけの会", "Grants only", "grant_fund",
                new org.tomoni.platform.tenancy.TenantSettings(4, java.util.List.of("grants"), Map.of()),
                new org.tomoni.platform.onboarding.TenantOnboarding.NewAdmin("admin", null, TestTenants.PASSWORD)));
        assertThat(grantsOnly.isOk()).isTrue();
        var grantsAdmin = ((org.tomoni.platform.shared.Outcome.Ok<org.tomoni.platform.onboarding.TenantOnboarding.Onboarded>) grantsOnly).value();
        TestTenants.ownPassword(context, new org.tomoni.platform.shared.Actor(grantsAdmin.admin().user().id(), "admin",
            grantsAdmin.tenant().id(), "ui-grants", java.util.Set.of(Role.TENANT_ADMIN), null));
        context.getBean(PlatformAccounts.class).create("ui-network", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
    }

    @Test
    void a_signed_out_visitor_is_sent_to_the_japanese_login() {
        UI.getCurrent().navigate("people");
        assertThat(currentPath()).isEqualTo("login");
        LoginView login = _get(LoginView.class);
        assertThat(login.submit.getText()).isEqualTo("ログイン");
        assertThat(login.organization.getLabel()).isEqualTo("組織ID");
    }

    @Test
    void a_wrong_password_and_an_unknown_organisation_get_the_same_message() {
        signIn("ui-login", "admin", "wrong-password");
        String wrongPassword = _get(LoginView.class).error.getText();
        signIn("no-such-org", "admin", TestTenants.PASSWORD);
        assertThat(_get(LoginView.class).error.getText()).isEqualTo(wrongPassword)
            .isEqualTo("組織ID・ユーザー名・パスワードのいずれかが正しくありません。");
        assertThat(currentPath()).isEqualTo("login");
    }

    @Test
    void the_api_throttling_applies_to_the_login_screen() {
        for (int i = 0; i < 3; i++) {
            signIn("ui-login", "throttled-user", "bad-" + i);
        }
        signIn("ui-login", "throttled-user", "bad-again");
        assertThat(_get(LoginView.class).error.getText()).contains("お待ちください");
    }

    @Test
    void an_admin_lands_on_people_with_the_organisation_name_and_can_sign_out() {
        signInAdmin("ui-login");
        assertThat(currentPath()).isEqualTo("people");
        assertThat(_get(com.vaadin.flow.component.html.H1.class, s -> s.withId("tenant-name")).getText()).isEqualTo("ui-login の会");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, s -> s.withId("user-role")).getText()).isEqualTo("管理者");
        com.github.mvysny.kaributesting.v10.LocatorJ._click(_get(MainLayout.class).logout);
        assertThat(UiSession.actor()).isEmpty();
    }

    @Test
    void a_module_the_tenant_has_not_enabled_is_hidden_and_its_routes_refuse() {
        signInAdmin("ui-grants");
        UI.getCurrent().navigate("people");
        assertThat(currentPath()).isNotEqualTo("people");
        _get(NotFoundView.class);
    }

    @Test
    void platform_users_get_their_own_page_and_no_tenant_screens() {
        signIn(null, "ui-network", TestTenants.PASSWORD);
        assertThat(currentPath()).isEqualTo("platform");
        UI.getCurrent().navigate("people");
        _get(NotFoundView.class);
    }

    @Test
    void every_route_declares_who_may_enter_and_an_undeclared_route_is_refused() {
        var routes = new com.github.mvysny.kaributesting.v10.Routes().autoDiscoverViews("org.tomoni.platform.ui").getRoutes();
        assertThat(routes).contains(LoginView.class, PeopleView.class, PersonFormView.class, PlatformView.class);
        assertThat(routes).allMatch(r -> r == NotFoundView.class || r.isAnnotationPresent(Allowed.class) != r.isAnnotationPresent(PublicRoute.class));
        assertThat(routes).filteredOn(r -> r.isAnnotationPresent(PublicRoute.class))
            .containsExactlyInAnyOrder(PublicSignupView.class, DonorGiftView.class);
        signInAdmin("ui-login");
        com.vaadin.flow.router.RouteConfiguration.forSessionScope().setRoute("undeclared", UndeclaredView.class);
        UI.getCurrent().navigate("undeclared");
        _get(NotFoundView.class);
    }

    private java.util.UUID staffUser(String username) {
        java.util.UUID id = context.getBean(org.tomoni.platform.identity.UserManagement.class).create(tenant.admin(),
            new org.tomoni.platform.identity.UserManagement.NewUser(username, username, "staff", TestTenants.PASSWORD)).orThrow().user().id();
        TestTenants.ownPassword(context, tenant, id, Role.STAFF);
        return id;
    }

    @Test
    void a_signed_in_user_who_is_deactivated_is_sent_to_the_login_on_the_next_navigation() {
        java.util.UUID id = staffUser("ui-leaver");
        signIn("ui-login", "ui-leaver", TestTenants.PASSWORD);
        UI.getCurrent().navigate("people");
        assertThat(currentPath()).isEqualTo("people");
        assertThat(context.getBean(org.tomoni.platform.identity.UserManagement.class).deactivate(tenant.admin(), id).isOk()).isTrue();
        UI.getCurrent().navigate("organizations");
        assertThat(currentPath()).isEqualTo("login");
        assertThat(UiSession.actor()).isEmpty();
        _get(LoginView.class);
    }

    @Test
    void a_signed_in_user_whose_role_changes_signs_in_again() {
        java.util.UUID id = staffUser("ui-demoted");
        signIn("ui-login", "ui-demoted", TestTenants.PASSWORD);
        UI.getCurrent().navigate("people");
        assertThat(currentPath()).isEqualTo("people");
        assertThat(context.getBean(org.tomoni.platform.identity.UserManagement.class).changeRole(tenant.admin(), id, "read_only").isOk())
            .isTrue();
        UI.getCurrent().navigate("people");
        assertThat(currentPath()).isEqualTo("login");
        signIn("ui-login", "ui-demoted", TestTenants.PASSWORD);
        assertThat(UiSession.actor()).hasValueSatisfying(a -> assertThat(a.roles()).contains(Role.READ_ONLY));
    }

    /** A route without {@link Allowed}: the guard must refuse it even for an admin. */
    public static class UndeclaredView extends com.vaadin.flow.component.html.Div {
    }
}
