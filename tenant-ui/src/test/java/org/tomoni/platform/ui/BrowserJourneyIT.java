package org.tomoni.platform.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.LoadState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.server.VaadinServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key journeys in headless Chromium against the real UI port: an admin signs in, creates a
 * person with a Japanese name and finds them by kana; the second tenant's admin does not see
 * them; the language switch turns the screen English. Screenshots go to target/screenshots/.
 */
@MicronautTest(transactional = false)
class BrowserJourneyIT extends PlatformTest {
    private static final Path SHOTS = Paths.get("target", "screenshots");
    @Inject
    VaadinServer ui;
    HeadlessChromium chromium;
    Browser browser;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @BeforeAll
    void browser() throws Exception {
        Files.createDirectories(SHOTS);
        tenants().create("journey-a", "children_fund");
        tenants().create("journey-b", "grant_fund");
        chromium = new HeadlessChromium();
        browser = chromium.browser();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void an_admin_creates_a_person_in_japanese_finds_them_by_kana_the_other_tenant_does_not_and_english_is_one_click_away() {
        try (BrowserContext a = browser.newContext(new Browser.NewContextOptions().setLocale("en-US").setViewportSize(1280, 800))) {
            Page page = a.newPage();
            List<String> csp = HeadlessChromium.cspViolations(page);
            signIn(page, "journey-a");
            assertThat(page.locator("#tenant-name")).hasText("journey-a の会");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("01-people-list-ja.png")));

            page.locator("#people-new").click();
            page.locator("#person-familyName input").fill("山田");
            page.locator("#person-givenName input").fill("花子");
            page.locator("#person-familyNameKana input").fill("やまだ");
            page.locator("#person-givenNameKana input").fill("はなこ");
            page.locator("#person-postalCode input").fill("100-0001");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("02-person-form-ja.png")).setFullPage(true));
            page.locator("#person-save").click();
            page.waitForURL("**/people");

            page.locator("#people-search input").fill("やまだ");
            Locator grid = page.locator("#people-grid");
            assertThat(grid).containsText("山田 花子");
            assertThat(grid).containsText("ヤマダ ハナコ");
            assertThat(page.locator("#people-count")).hasText("全1件");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("03-found-by-kana-ja.png")));

            page.locator("#language").click();
            page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("English")).click();
            assertThat(page.locator("#people-new")).hasText("New person");
            assertThat(page.locator("#logout")).hasText("Sign out");
            // The filters' chosen values follow the language too, not only their lists.
            assertThat(page.locator("#people-membership vaadin-select-value-button")).hasText("Any membership");
            assertThat(page.locator("#people-flag vaadin-select-value-button")).hasText("Any flag");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("05-people-list-en.png")));
            page.locator("vaadin-side-nav-item[path='organizations']").click();
            page.waitForURL("**/organizations");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(csp).as("Content-Security-Policy violations during sign-in, a form, a search, the language switch and a menu").isEmpty();
        }
        try (BrowserContext b = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(1280, 800))) {
            Page page = b.newPage();
            signIn(page, "journey-b");
            page.locator("#people-search input").fill("やまだ");
            assertThat(page.locator("#people-count")).hasText("該当する会員はいません。検索語や絞り込みを変えてください。");
            assertThat(page.locator("#people-grid")).not().containsText("山田");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("04-other-tenant-sees-nothing-ja.png")));
        }
        assertThat(SHOTS.resolve("03-found-by-kana-ja.png")).exists();
    }

    @Test
    void a_wrong_password_is_answered_in_japanese_without_saying_which_part_was_wrong() {
        try (BrowserContext c = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"))) {
            Page page = c.newPage();
            page.navigate("http://localhost:" + ui.port() + "/login");
            page.locator("#organization input").fill("journey-a");
            page.locator("#username input").fill("admin");
            page.locator("#password input").fill("not-the-password");
            page.locator("#login").click();
            assertThat(page.locator("#login-error")).hasText("組織ID・ユーザー名・パスワードのいずれかが正しくありません。");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("00-login-error-ja.png")));
        }
    }

    private void signIn(Page page, String organization) {
        Response login = page.navigate("http://localhost:" + ui.port() + "/login");
        assertThat(login.headers().get("content-security-policy")).as("the page is under the policy").contains("frame-ancestors 'none'");
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.locator("#organization input").fill(organization);
        page.locator("#username input").fill("admin");
        page.locator("#password input").fill(TestTenants.PASSWORD);
        page.locator("#login").click();
        page.waitForURL("**/people");
    }
}
