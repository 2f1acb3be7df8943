package org.tomoni.platform.ui.shell;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.ui.ViewTest;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** "Not found" is no dead end: the staff frame and a way back for a signed-in user, the login for a visitor. */
@MicronautTest(transactional = false)
class NotFoundScreenIT extends ViewTest {

    /**
     * An address no route has, resolved by the server's router as a browser's request is (UI.navigate
     * hands a path without a server route to the client-side router, which the mock has not).
     */
    private static void openUnknownAddress() {
        UI ui = UI.getCurrent();
        ui.getInternals().getRouter().navigate(ui, new Location("no-such-page"), NavigationTrigger.PROGRAMMATIC);
    }

    @BeforeAll
    void tenant() {
        tenants().create("ui-notfound", "hub_network");
    }

    @Test
    void a_signed_in_user_sees_not_found_inside_the_menu_with_a_link_home_in_both_languages() {
        signInAdmin("ui-notfound");
        openUnknownAddress();
        NotFoundView view = _get(NotFoundView.class);
        assertThat(view.layout).isNotNull();
        assertThat(_find(MainLayout.class)).hasSize(1);
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("会員（個人）", "団体");
        assertThat(view.back.getText()).isEqualTo("ホーム画面へ戻る");
        assertThat(view.back.getHref()).isEmpty();

        UI.getCurrent().setLocale(UiI18n.ENGLISH);
        assertThat(view.back.getText()).isEqualTo("Back to the home screen");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getLabel).contains("People");

        UI.getCurrent().navigate(view.back.getHref());
        assertThat(currentPath()).isEqualTo("people");
        assertThat(_find(NotFoundView.class)).isEmpty();
    }

    @Test
    void a_visitor_sees_not_found_without_the_staff_frame_and_with_a_link_to_the_login() {
        openUnknownAddress();
        NotFoundView view = _get(NotFoundView.class);
        assertThat(view.layout).isNull();
        assertThat(_find(MainLayout.class)).isEmpty();
        assertThat(view.back.getText()).isEqualTo("ログイン画面へ");
        assertThat(view.back.getHref()).isEqualTo("login");
        UI.getCurrent().navigate(view.back.getHref());
        assertThat(currentPath()).isEqualTo("login");
    }

    @Test
    void another_tenants_record_ends_on_the_same_frame_with_its_404() {
        signInAdmin("ui-notfound");
        UI.getCurrent().navigate("person/" + java.util.UUID.randomUUID());
        NotFoundView view = _get(NotFoundView.class);
        assertThat(view.layout).isNotNull();
        assertThat(view.setErrorParameter(null, null)).isEqualTo(404);
    }
}
