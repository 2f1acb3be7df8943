package org.tomoni.platform.ui.shell;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.Authenticator;
import org.tomoni.platform.identity.PlatformAccounts;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.TestMail;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.ViewTest;
import org.tomoni.platform.ui.members.PeopleView;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The password screens: one's own change (from the top bar), the forced change of a temporary password, and the reset by mail. */
@MicronautTest(transactional = false)
class PasswordScreensIT extends ViewTest {
    private static final Pattern LINK = Pattern.compile("http://staff\\.test/password-reset/([A-Za-z0-9_\\-.]+)");
    TestMail mail;
    TestTenant t;

    @Override
    protected Map<String, String> extraProperties() {
        mail = new TestMail();
        Map<String, String> p = new HashMap<>(mail.properties());
        p.put("platform.public-base-url", "http://staff.test");
        return p;
    }

    @AfterAll
    void stopMail() {
        mail.close();
    }

    @BeforeAll
    void tenant() {
        t = tenants().create("ui-pw", "children_fund");
    }

    private UUID staff(String username, String email) {
        return context.getBean(UserManagement.class).create(t.admin(),
            new UserManagement.NewUser(username, username, "staff", TestTenants.PASSWORD, email)).orThrow().user().id();
    }

    private boolean signsIn(String organization, String username, String password) {
        return context.getBean(Authenticator.class).authenticate(organization, username, password, "127.0.0.1")
            instanceof Authenticator.Attempt.Authenticated;
    }

    private List<String> notifications() {
        return NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")).toList();
    }

    @Test
    void the_top_bar_opens_the_change_which_checks_the_current_password_and_the_new_one_typed_twice() {
        UUID id = staff("ui-pw-own", null);
        TestTenants.ownPassword(context, t, id, Role.STAFF);
        signIn("ui-pw", "ui-pw-own", TestTenants.PASSWORD);
        assertThat(currentPath()).isEqualTo("people");
        MainLayout layout = _get(MainLayout.class);
        assertThat(layout.password.getText()).isEqualTo("パスワード変更");
        _click(layout.password);
        PasswordChangeView view = _get(PasswordChangeView.class);
        assertThat(currentPath()).isEqualTo("password");
        assertThat(view.current.getLabel()).isEqualTo("現在のパスワード");

        view.current.setValue(TestTenants.PASSWORD);
        view.next.setValue("my-very-own-password");
        view.confirm.setValue("my-very-own-passwort");
        _click(view.submit);
        assertThat(view.confirm.isInvalid()).isTrue();
        assertThat(view.confirm.getErrorMessage()).isEqualTo("確認用のパスワードが一致しません。同じパスワードを2回入力してください。");

        view.current.setValue("not-the-password");
        view.confirm.setValue("my-very-own-password");
        _click(view.submit);
        assertThat(view.current.isInvalid()).isTrue();
        assertThat(view.current.getErrorMessage()).isEqualTo("現在のパスワードが違います。もう一度入力してください。");
        assertThat(view.confirm.isInvalid()).isFalse();

        view.current.setValue(TestTenants.PASSWORD);
        view.next.setValue("short");
        view.confirm.setValue("short");
        _click(view.submit);
        assertThat(view.next.isInvalid()).isTrue();
        assertThat(view.next.getErrorMessage()).isEqualTo("パスワードは12文字以上にしてください。");
        assertThat(signsIn("ui-pw", "ui-pw-own", TestTenants.PASSWORD)).as("nothing changed yet").isTrue();

        view.next.setValue("my-very-own-password");
        view.confirm.setValue("my-very-own-password");
        _click(view.submit);
        assertThat(view.next.isInvalid()).isFalse();
        assertThat(notifications()).contains("パスワードを変更しました。ほかの端末でのログインは終了しました。");
        assertThat(signsIn("ui-pw", "ui-pw-own", TestTenants.PASSWORD)).isFalse();
        assertThat(signsIn("ui-pw", "ui-pw-own", "my-very-own-password")).isTrue();
    }

    @Test
    void a_temporary_password_lands_on_the_change_and_every_route_leads_back_there_until_it_is_changed() {
        staff("ui-pw-new", null);
        signIn("ui-pw", "ui-pw-new", TestTenants.PASSWORD);
        assertThat(currentPath()).isEqualTo("password");
        assertThat(_get(PasswordChangeView.class).notice.getText()).contains("仮パスワードでログインしています");
        UI.getCurrent().navigate(PeopleView.class);
        assertThat(currentPath()).isEqualTo("password");
        UI.getCurrent().navigate("users");
        assertThat(currentPath()).isEqualTo("password");

        PasswordChangeView view = _get(PasswordChangeView.class);
        view.current.setValue(TestTenants.PASSWORD);
        view.next.setValue("chosen-by-myself-1");
        view.confirm.setValue("chosen-by-myself-1");
        _click(view.submit);
        assertThat(currentPath()).isEqualTo("people");
        UI.getCurrent().navigate(PeopleView.class);
        assertThat(currentPath()).isEqualTo("people");
    }

    @Test
    void a_password_changed_in_another_session_ends_this_screen_session() {
        UUID id = staff("ui-pw-elsewhere", null);
        TestTenants.ownPassword(context, t, id, Role.STAFF);
        signIn("ui-pw", "ui-pw-elsewhere", TestTenants.PASSWORD);
        assertThat(currentPath()).isEqualTo("people");
        // The same user changes the password from another device (the API, or another browser).
        context.getBean(org.tomoni.platform.identity.Passwords.class).change(new org.tomoni.platform.shared.Actor(id, id.toString(), t.id(),
            t.slug(), java.util.Set.of(Role.STAFF), null), null, TestTenants.PASSWORD, "changed-elsewhere-1").orThrow();
        UI.getCurrent().navigate("people");
        assertThat(currentPath()).isEqualTo("login");
    }

    @Test
    void the_platform_operator_reaches_the_change_from_the_top_bar_too() {
        context.getBean(PlatformAccounts.class).create("ui-pw-op", "運用者", Role.PLATFORM_OPERATOR, TestTenants.PASSWORD, "test");
        signIn("", "ui-pw-op", TestTenants.PASSWORD);
        _click(_get(MainLayout.class).password);
        PasswordChangeView view = _get(PasswordChangeView.class);
        view.current.setValue(TestTenants.PASSWORD);
        view.next.setValue("operator-own-password");
        view.confirm.setValue("operator-own-password");
        _click(view.submit);
        assertThat(signsIn("", "ui-pw-op", "operator-own-password")).isTrue();
    }

    @Test
    void a_forgotten_password_is_reset_from_the_login_through_the_mailed_link_which_then_says_it_was_used() {
        UUID id = staff("ui-pw-forgot", "forgot@example.jp");
        TestTenants.ownPassword(context, t, id, Role.STAFF);
        UI.getCurrent().navigate(LoginView.class);
        LoginView login = _get(LoginView.class);
        assertThat(login.forgot.getText()).isEqualTo("パスワードをお忘れですか");
        UI.getCurrent().navigate(ForgotPasswordView.class);
        ForgotPasswordView forgot = _get(ForgotPasswordView.class);
        forgot.organization.setValue("ui-pw");
        forgot.email.setValue("nobody@example.jp");
        _click(forgot.submit);
        String unknownAnswer = forgot.result.getText();
        forgot.email.setValue("forgot@example.jp");
        _click(forgot.submit);
        assertThat(forgot.result.getText()).as("the same answer whether or not the address is known").isEqualTo(unknownAnswer)
            .startsWith("受け付けました");

        List<TestMail.Received> received = mail.await("forgot@example.jp", 1);
        assertThat(received).hasSize(1);
        Matcher m = LINK.matcher(received.get(0).body());
        assertThat(m.find()).isTrue();
        UI.getCurrent().navigate("password-reset/" + m.group(1));
        PasswordResetView reset = _get(PasswordResetView.class);
        assertThat(reset.submit.isVisible()).isTrue();
        reset.next.setValue("after-the-reset-1");
        reset.confirm.setValue("after-the-reset-2");
        _click(reset.submit);
        assertThat(reset.confirm.getErrorMessage()).isEqualTo("確認用のパスワードが一致しません。同じパスワードを2回入力してください。");
        reset.confirm.setValue("after-the-reset-1");
        _click(reset.submit);
        assertThat(reset.message.getText()).startsWith("新しいパスワードを設定しました");
        assertThat(signsIn("ui-pw", "ui-pw-forgot", "after-the-reset-1")).isTrue();

        UI.getCurrent().navigate("password-reset/" + m.group(1));
        PasswordResetView again = _get(PasswordResetView.class);
        assertThat(again.submit.isVisible()).isFalse();
        assertThat(again.message.getText()).isEqualTo("このリンクはすでに使われています。もう一度再設定するには、新しいリンクをお申し込みください。");
        assertThat(again.onward.getText()).isEqualTo("新しいリンクを申し込む");
    }

    @Test
    void a_forged_link_shows_no_form() {
        UI.getCurrent().navigate("password-reset/not-a-link.at-all");
        PasswordResetView reset = _get(PasswordResetView.class);
        assertThat(reset.submit.isVisible()).isFalse();
        assertThat(reset.message.getText()).startsWith("このリンクは使えません");
    }
}
