package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.UserView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.members.DuplicatesView;
import org.tomoni.platform.ui.shell.NotFoundView;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The users screen and the duplicate review, browserless. */
@MicronautTest(transactional = false)
class AdminScreensIT extends ViewTest {
    TestTenant a;
    TestTenant b;

    @BeforeAll
    void createTenants() {
        a = tenants().create("admin-a", "children_fund");
        b = tenants().create("admin-b", "children_fund");
        People people = context.getBean(People.class);
        for (TestTenant t : new TestTenant[] {a, b}) {
            people.create(t.admin(), PersonRequest.basic("重複", "一", "チョウフク", "イチ", "1970-01-01", "dup@example.jp", null, null, null, null,
                null, null, null)).orThrow();
            people.create(t.admin(), PersonRequest.basic("重複", "壱", "チョウフク", "イチ", "1970-01-01", null, null, null, null, null,
                null, null, null)).orThrow();
        }
    }

    @Test
    void an_admin_adds_a_user_sees_the_temporary_password_once_and_deactivates_them() {
        signInAdmin("admin-a");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        view.form.username.setValue("new-staff");
        view.form.role.setValue(Role.STAFF);
        _click(view.form.add);
        assertThat(view.message.getText()).startsWith("ユーザー「new-staff」を作成しました。仮パスワード：");
        assertThat(_findAll(view.grid)).extracting(UserView::username).contains("admin", "new-staff");
        UserView created = _findAll(view.grid).stream().filter(u -> u.username().equals("new-staff")).findFirst().orElseThrow();
        view.changeRole(created, Role.READ_ONLY);
        assertThat(view.message.getText()).isEqualTo("ユーザー「new-staff」の権限を「閲覧のみ」にしました。");
        view.resetPassword(created);
        assertThat(view.message.getText()).startsWith("ユーザー「new-staff」の仮パスワード：");
        view.deactivate(created);
        assertThat(view.message.getText()).isEqualTo("ユーザー「new-staff」を無効にしました。");
        view.form.username.setValue("x");
        _click(view.form.add);
        assertThat(view.form.username.isInvalid()).isTrue();
    }

    @Test
    void staff_have_no_users_screen() {
        tenants().userToken(a, "admin-a-staff", Role.STAFF);
        signIn("admin-a", "admin-a-staff", TestTenants.PASSWORD);
        UI.getCurrent().navigate(UsersView.class);
        _get(NotFoundView.class);
    }

    @Test
    void likely_duplicates_are_reviewed_with_their_reasons_and_merged() {
        signInAdmin("admin-a");
        UI.getCurrent().navigate(DuplicatesView.class);
        DuplicatesView view = _get(DuplicatesView.class);
        var rows = _findAll(view.grid);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).reasons()).isEqualTo("フリガナと生年月日が同じ");
        view.merge(rows.get(0));
        assertThat(view.message.getText()).contains("統合しました");
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(context.getBean(People.class).duplicatePairs(b.admin(), org.tomoni.platform.shared.PageRequest.of(0, 10)).orThrow())
            .as("the other tenant's pair is untouched").hasSize(1);
    }
}
