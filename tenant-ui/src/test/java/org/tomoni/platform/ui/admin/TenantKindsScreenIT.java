package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.tenancy.TenantKindView;
import org.tomoni.platform.onboarding.TenantKinds;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.shell.MainLayout;
import org.tomoni.platform.ui.shell.NotFoundView;
import org.tomoni.platform.ui.shell.UiI18n;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The operator's tenant-kinds section of the platform page, browserless. */
@MicronautTest(transactional = false)
class TenantKindsScreenIT extends ViewTest {

    @BeforeAll
    void accounts() {
        context.getBean(PlatformAccounts.class).create("ui-op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        context.getBean(PlatformAccounts.class).create("ui-net", "事務局", Role.NETWORK_OFFICE, TestTenants.PASSWORD, "test");
        tenants().create("kinds-ui");
    }

    private TenantKindsPanel openAsOperator() {
        signIn(null, "ui-op", TestTenants.PASSWORD);
        UI.getCurrent().navigate(PlatformView.class);
        return _get(TenantKindsPanel.class);
    }

    @Test
    void the_operator_sees_the_seeded_kinds_and_creates_one_whose_bad_template_key_is_named_first() {
        TenantKindsPanel panel = openAsOperator();
        assertThat(_findAll(panel.grid)).extracting(TenantKindView::code)
            .contains("children_fund", "consultation_center", "hub_network", "grant_fund", "membership_organization", "other");

        panel.code.setValue("kitchen");
        panel.nameJa.setValue("地域食堂");
        panel.nameEn.setValue("Community kitchen");
        panel.modules.setValue(Set.of("members", "events"));
        panel.fiscalYearStartMonth.setValue(1);
        panel.vocabulary.setValue("{\"member\": \"サポーター\"}");
        panel.templates.setValue("{\"branches\": [{\"name\": \"本部\"}], \"colours\": []}");
        _click(panel.save);
        assertThat(panel.templates.isInvalid()).isTrue();
        assertThat(panel.templates.getErrorMessage()).isEqualTo("templates.colours: この項目は使えません。");
        assertThat(context.getBean(TenantKinds.class).find("kitchen")).as("nothing saved").isEmpty();

        panel.templates.setValue("{\"branches\": [{\"name\": \"本部\"}]}");
        _click(panel.save);
        assertThat(panel.templates.isInvalid()).isFalse();
        TenantKindView saved = context.getBean(TenantKinds.class).find("kitchen").orElseThrow();
        assertThat(saved.modules()).containsExactly("events", "members");
        assertThat(saved.fiscalYearStartMonth()).isEqualTo(1);
        assertThat(saved.vocabulary()).containsEntry("member", "サポーター");
        assertThat(saved.templates().get("branches").get(0).get("name").getStringValue()).isEqualTo("本部");
        assertThat(_findAll(panel.grid)).extracting(TenantKindView::code).contains("kitchen");
        assertThat(panel.code.isReadOnly()).as("the saved kind is now edited").isTrue();
    }

    @Test
    void the_operator_edits_a_kind_and_sees_the_servers_messages_beside_each_field() {
        TenantKindsPanel panel = openAsOperator();
        TenantKindView other = _findAll(panel.grid).stream().filter(k -> k.code().equals("other")).findFirst().orElseThrow();
        panel.grid.select(other);
        assertThat(panel.code.getValue()).isEqualTo("other");
        assertThat(panel.code.isReadOnly()).isTrue();
        assertThat(panel.modules.getValue()).contains("members", "giving");

        panel.fiscalYearStartMonth.setValue(13);
        panel.modules.setValue(Set.of("giving"));
        panel.vocabulary.setValue("{\"Bad Key\": \"言葉\"}");
        panel.templates.setValue("{\"branches\": [{\"name\": \"本部\", \"colour\": \"赤\"}]}");
        _click(panel.save);
        assertThat(panel.fiscalYearStartMonth.getErrorMessage()).isEqualTo("年度の開始月は1〜12で指定してください。");
        assertThat(panel.modules.getErrorMessage()).isEqualTo("モジュールには members（会員）を含めてください。");
        assertThat(panel.vocabulary.getErrorMessage()).startsWith("vocabulary.Bad Key: ラベルキーは");
        assertThat(panel.templates.getErrorMessage()).as("every error of the area, each naming its key").isEqualTo(
            "templates.branches: このテンプレートを使うモジュールが、この種類のモジュールに含まれていません。"
                + " / templates.branches[0].colour: この項目は使えません。");

        panel.vocabulary.setValue("{not json");
        _click(panel.save);
        assertThat(panel.vocabulary.isInvalid()).isTrue();
        assertThat(panel.vocabulary.getErrorMessage()).startsWith("JSON として読み取れません");

        panel.fiscalYearStartMonth.setValue(10);
        panel.modules.setValue(Set.of("members", "giving", "petitions"));
        panel.vocabulary.setValue("{}");
        panel.templates.setValue("{}");
        panel.nameJa.setValue("その他の団体");
        _click(panel.save);
        TenantKindView saved = context.getBean(TenantKinds.class).find("other").orElseThrow();
        assertThat(saved.version()).isEqualTo(other.version() + 1);
        assertThat(saved.nameJa()).isEqualTo("その他の団体");
        assertThat(saved.modules()).containsExactly("giving", "members", "petitions");
        assertThat(saved.fiscalYearStartMonth()).isEqualTo(10);
    }

    @Test
    void the_section_follows_the_language_switch() {
        TenantKindsPanel panel = openAsOperator();
        assertThat(panel.title.getText()).isEqualTo("組織の種類");
        _get(MainLayout.class).language.setValue(UiI18n.ENGLISH);
        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        assertThat(panel.title.getText()).isEqualTo("Tenant kinds");
        assertThat(panel.save.getText()).isEqualTo("Save");
    }

    @Test
    void the_network_office_sees_no_kinds_and_a_tenant_admin_has_no_platform_page() {
        signIn(null, "ui-net", TestTenants.PASSWORD);
        UI.getCurrent().navigate(PlatformView.class);
        _get(PlatformView.class);
        _assertNone(TenantKindsPanel.class);

        signInAdmin("kinds-ui");
        UI.getCurrent().navigate(PlatformView.class);
        _get(NotFoundView.class);
    }
}
