package org.tomoni.platform.ui.admin;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.identity.UserView;
import org.tomoni.platform.members.people.People;
import org.tomoni.platform.members.people.PersonRequest;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.components.Confirmations;
import org.tomoni.platform.ui.members.DuplicatesView;
import org.tomoni.platform.ui.shell.NotFoundView;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireCancel;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
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
        _fireConfirm(view.confirmResetPassword(created));
        assertThat(view.message.getText()).startsWith("ユーザー「new-staff」の仮パスワード：");
        _fireConfirm(view.confirmDeactivate(created));
        assertThat(view.message.getText()).isEqualTo("ユーザー「new-staff」を無効にしました。");
        view.form.username.setValue("x");
        _click(view.form.add);
        assertThat(view.form.username.isInvalid()).isTrue();
    }

    @Test
    void an_admin_sets_a_users_email_in_its_dialog_sees_it_in_the_list_and_a_temporary_password_is_named_as_such() {
        signInAdmin("admin-a");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        view.form.username.setValue("mail-later");
        _click(view.form.add);
        UserView created = _findAll(view.grid).stream().filter(u -> u.username().equals("mail-later")).findFirst().orElseThrow();
        assertThat(created.passwordTemporary()).isTrue();
        int row = rowOf(view, "mail-later");
        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(view.grid, row, "status")).isEqualTo("有効（仮パスワード）");

        view.openEmail(created);
        com.vaadin.flow.component.textfield.TextField field = _get(com.vaadin.flow.component.textfield.TextField.class,
            spec -> spec.withId("user-email-field"));
        field.setValue("not an address");
        _click(_get(Button.class, spec -> spec.withId("user-email-save")));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).isNotBlank();
        field.setValue("later@example.jp");
        _click(_get(Button.class, spec -> spec.withId("user-email-save")));
        assertThat(view.message.getText()).startsWith("ユーザー「mail-later」のメールアドレスを保存しました。");
        assertThat(_findAll(view.grid).stream().filter(u -> u.username().equals("mail-later")).findFirst().orElseThrow().email())
            .isEqualTo("later@example.jp");
        com.github.mvysny.kaributesting.v10.LocatorJ._assertNone(com.vaadin.flow.component.dialog.Dialog.class);
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
        _fireConfirm(view.confirmMerge(rows.get(0)));
        assertThat(view.message.getText()).as("no survivor was chosen").isEqualTo("残す記録を選んでから統合してください。何も変更していません。");
        assertThat(_findAll(view.grid)).hasSize(1);
        ConfirmDialog dialog = view.confirmMerge(rows.get(0));
        view.survivor.setValue(rows.get(0).secondId());
        _fireConfirm(dialog);
        assertThat(view.message.getText()).contains("統合しました");
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(context.getBean(People.class).duplicatePairs(b.admin(), org.tomoni.platform.shared.PageRequest.of(0, 10)).orThrow())
            .as("the other tenant's pair is untouched").hasSize(1);
    }
    @Test
    void resetting_a_password_and_deactivating_ask_first_naming_the_user_and_cancel_changes_nothing() {
        TestTenant t = tenants().create("admin-confirm", "children_fund");
        UserManagement users = context.getBean(UserManagement.class);
        UserView target = users.create(t.admin(), new UserManagement.NewUser("kakunin", "確認 太郎", "staff", TestTenants.PASSWORD)).orThrow().user();
        signInAdmin("admin-confirm");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);

        ConfirmDialog reset = view.confirmResetPassword(target);
        assertThat(reset.isOpened()).isTrue();
        assertThat(Confirmations.text(reset)).contains("確認 太郎", "kakunin", "パスワードを再発行します");
        _fireCancel(reset);
        assertThat(view.message.getText()).isEmpty();
        assertThat(api().login("admin-confirm", "kakunin", TestTenants.PASSWORD)).as("cancel keeps the password").isNotBlank();
        _fireConfirm(view.confirmResetPassword(target));
        assertThat(view.message.getText()).startsWith("ユーザー「kakunin」の仮パスワード：");
        assertThat(api().post("/api/v1/auth/login", null, java.util.Map.of("tenant", "admin-confirm", "username", "kakunin",
            "password", TestTenants.PASSWORD)).status()).as("the old password no longer works").isEqualTo(401);

        ConfirmDialog deactivate = view.confirmDeactivate(target);
        assertThat(Confirmations.text(deactivate)).contains("確認 太郎", "kakunin", "無効にします");
        _fireCancel(deactivate);
        assertThat(users.get(t.admin(), target.id()).orThrow().active()).as("cancel changes nothing").isTrue();
        _fireConfirm(view.confirmDeactivate(target));
        assertThat(users.get(t.admin(), target.id()).orThrow().active()).isFalse();
        assertThat(view.message.getText()).as("the result replaces the previous message").isEqualTo("ユーザー「kakunin」を無効にしました。");

        int row = rowOf(view, "kakunin");
        assertThat(button(view, row, "user-deactivate-kakunin").isVisible()).isFalse();
        Button reactivate = button(view, row, "user-reactivate-kakunin");
        assertThat(reactivate.isVisible()).isTrue();
        _click(reactivate);
        assertThat(users.get(t.admin(), target.id()).orThrow().active()).isTrue();
        assertThat(view.message.getText()).isEqualTo("ユーザー「kakunin」を有効にしました。以前のパスワードでサインインできます。");
        row = rowOf(view, "kakunin");
        assertThat(button(view, row, "user-deactivate-kakunin").isVisible()).isTrue();
        assertThat(button(view, row, "user-reactivate-kakunin").isVisible()).isFalse();
    }

    @Test
    void an_admins_own_row_offers_no_deactivation() {
        TestTenant t = tenants().create("admin-self", "children_fund");
        tenants().userToken(t, "second-admin", Role.TENANT_ADMIN);
        signInAdmin("admin-self");
        UI.getCurrent().navigate(UsersView.class);
        UsersView view = _get(UsersView.class);
        assertThat(button(view, rowOf(view, "admin"), "user-deactivate-admin").isVisible()).isFalse();
        assertThat(button(view, rowOf(view, "second-admin"), "user-deactivate-second-admin").isVisible()).isTrue();
        UserView self = _findAll(view.grid).get(rowOf(view, "admin"));
        _fireConfirm(view.confirmDeactivate(self));
        assertThat(view.message.getText()).as("even past the screen, the API refuses").isEqualTo("自分自身は無効化できません。ほかの管理者に依頼してください。");
        assertThat(context.getBean(UserManagement.class).get(t.admin(), self.id()).orThrow().active()).isTrue();
    }

    @Test
    void a_pair_marked_not_the_same_person_after_confirmation_leaves_the_list_and_cancel_keeps_it() {
        TestTenant t = tenants().create("admin-notsame", "children_fund");
        People people = context.getBean(People.class);
        people.create(t.admin(), PersonRequest.basic("別人", "一", "ベツジン", "イチ", null, "same@example.jp", null, null, null, null,
            null, null, null)).orThrow();
        people.create(t.admin(), PersonRequest.basic("別人", "二", "ベツジン", "ニ", null, "same@example.jp", null, null, null, null,
            null, null, null)).orThrow();
        signInAdmin("admin-notsame");
        UI.getCurrent().navigate(DuplicatesView.class);
        DuplicatesView view = _get(DuplicatesView.class);
        var pair = _findAll(view.grid).get(0);

        ConfirmDialog dialog = view.confirmNotSame(pair);
        assertThat(Confirmations.text(dialog)).contains("別人 一（ベツジン イチ）", "別人 二（ベツジン ニ）", "別の人として記録します");
        _fireCancel(dialog);
        assertThat(_findAll(view.grid)).hasSize(1);
        _fireConfirm(view.confirmNotSame(pair));
        assertThat(_findAll(view.grid)).isEmpty();
        assertThat(view.message.getText()).isEqualTo(pair.first() + " と " + pair.second() + " を別の人として記録しました。");
        assertThat(people.get(t.admin(), pair.firstId()).isOk()).as("both people stay").isTrue();
        assertThat(people.get(t.admin(), pair.secondId()).isOk()).isTrue();
    }

    @Test
    void a_merge_asks_which_record_survives_showing_each_ones_name_reading_and_contact_and_cancel_merges_nothing() {
        TestTenant t = tenants().create("admin-merge", "children_fund");
        People people = context.getBean(People.class);
        var kept = people.create(t.admin(), PersonRequest.basic("統合", "先", "トウゴウ", "サキ", "1980-01-01", "saki@example.jp", null, null, null, null,
            null, null, null)).orThrow();
        var merged = people.create(t.admin(), PersonRequest.basic("統合", "咲", "トウゴウ", "サキ", "1980-01-01", null, null, null, null, null,
            null, null, null)).orThrow();
        signInAdmin("admin-merge");
        UI.getCurrent().navigate(DuplicatesView.class);
        DuplicatesView view = _get(DuplicatesView.class);
        var pair = _findAll(view.grid).get(0);

        ConfirmDialog dialog = view.confirmMerge(pair);
        assertThat(Confirmations.text(dialog)).contains("残す記録を選んでください", "アーカイブ", "元に戻せません");
        assertThat(view.survivor.getValue()).as("the survivor is the user's explicit choice").isNull();
        assertThat(view.survivor.getListDataView().getItems().map(view.survivor.getItemLabelGenerator()).toList())
            .anySatisfy(label -> assertThat(label).contains("統合 先（トウゴウ サキ）", "saki@example.jp"))
            .anySatisfy(label -> assertThat(label).contains("統合 咲（トウゴウ サキ）", "連絡先の登録なし"));
        view.survivor.setValue(merged.id());
        assertThat(view.mergeOutcome.getText()).isEqualTo("統合 咲（トウゴウ サキ） を残し、統合 先（トウゴウ サキ） を統合します。");
        _fireCancel(dialog);
        assertThat(_findAll(view.grid)).hasSize(1);
        assertThat(people.get(t.admin(), kept.id()).isOk()).as("cancel merges nothing").isTrue();

        dialog = view.confirmMerge(pair);
        view.survivor.setValue(merged.id());
        _fireConfirm(dialog);
        assertThat(people.get(t.admin(), kept.id()).isOk()).as("the record not chosen is merged away").isFalse();
        assertThat(people.get(t.admin(), merged.id()).orThrow().email()).as("the chosen survivor takes its contact").isEqualTo("saki@example.jp");
        assertThat(view.message.getText()).isEqualTo("統合 先（トウゴウ サキ） を 統合 咲（トウゴウ サキ） に統合しました。");
    }

    private static int rowOf(UsersView view, String username) {
        List<String> names = _findAll(view.grid).stream().map(UserView::username).toList();
        int row = names.indexOf(username);
        assertThat(row).as("%s is listed in %s", username, names).isNotNegative();
        return row;
    }

    private static Button button(UsersView view, int row, String id) {
        // Karibu's _get finds visible components only; the hidden ones are what these checks are about.
        return _getCellComponent(view.grid, row, "actions").getChildren().filter(c -> c.getId().filter(id::equals).isPresent())
            .map(Button.class::cast).findFirst().orElseThrow(() -> new AssertionError(id + " is not in row " + row));
    }
}
