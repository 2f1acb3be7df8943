package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.Tenant;
import org.tomoni.platform.tenancy.TenantRegistry;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.ViewTest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator onboards an organisation from the platform page, as the API does, without knowing the API. */
@MicronautTest(transactional = false)
class TenantsScreenIT extends ViewTest {

    @BeforeAll
    void accounts() {
        context.getBean(PlatformAccounts.class).create("ui-onboarder", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        context.getBean(PlatformAccounts.class).create("ui-office", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
        tenants().create("tenants-ui-taken");
    }

    private TenantsPanel openAsOperator() {
        signIn(null, "ui-onboarder", TestTenants.PASSWORD);
        UI.getCurrent().navigate(PlatformView.class);
        return _get(TenantsPanel.class);
    }

    @Test
    void the_operator_onboards_an_organisation_whose_first_admin_signs_in_with_the_password_shown_once() {
        TenantsPanel panel = openAsOperator();
        assertThat(_findAll(panel.grid)).extracting(Tenant::slug).contains("tenants-ui-taken");

        panel.slug.setValue("tenants-ui-taken");
        panel.nameJa.setValue("重複の会");
        panel.nameEn.setValue("Duplicate");
        panel.kind.setValue(panel.kind.getListDataView().getItems().filter(k -> k.code().equals("grant_fund")).findFirst().orElseThrow());
        panel.adminUsername.setValue("first");
        _click(panel.onboard);
        assertThat(panel.slug.isInvalid()).isTrue();
        assertThat(panel.slug.getErrorMessage()).isEqualTo("すでに使われています。");
        assertThat(panel.issued.isVisible()).isFalse();

        panel.slug.setValue("tenants-ui-new");
        panel.nameJa.setValue("あたらしい基金");
        _click(panel.onboard);
        assertThat(panel.slug.isInvalid()).isFalse();
        Tenant created = context.getBean(TenantRegistry.class).findBySlug("tenants-ui-new").orElseThrow();
        assertThat(created.nameJa()).isEqualTo("あたらしい基金");
        assertThat(created.kind()).isEqualTo("grant_fund");
        assertThat(_findAll(panel.grid)).extracting(Tenant::slug).contains("tenants-ui-new");
        assertThat(panel.slug.getValue()).as("the form is emptied for the next one").isEmpty();
        Matcher shown = Pattern.compile("組織ID tenants-ui-new の管理者 first の仮パスワード：(\\S+)（").matcher(panel.issued.getText());
        assertThat(shown.find()).as(panel.issued.getText()).isTrue();

        signIn("tenants-ui-new", "first", shown.group(1));
        assertThat(currentPath()).as("the new admin is signed in, not sent back to the login").isNotEqualTo("login");
        assertThat(org.tomoni.platform.ui.shell.UiSession.require().tenantSlug()).isEqualTo("tenants-ui-new");
    }

    @Test
    void the_network_office_sees_the_platform_page_without_the_onboarding_form() {
        signIn(null, "ui-office", TestTenants.PASSWORD);
        UI.getCurrent().navigate(PlatformView.class);
        _get(PlatformView.class);
        _assertNone(TenantsPanel.class);
    }
}
