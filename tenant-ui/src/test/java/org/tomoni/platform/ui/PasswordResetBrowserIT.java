package org.tomoni.platform.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestMail;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.server.VaadinServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A staff member who forgot their password, in headless Chromium against the real UI port: 「パスワードをお忘れですか」 on
 * the login, the organisation and e-mail, the mail read from a real SMTP server (GreenMail), its link opened, a new
 * password set twice, and a sign-in with it. Screenshots go to target/screenshots/.
 */
@MicronautTest(transactional = false)
class PasswordResetBrowserIT extends PlatformTest {
    private static final Path SHOTS = Paths.get("target", "screenshots");
    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/password-reset/[A-Za-z0-9_\\-.]+)");
    private static final int UI_PORT = freePort();
    @Inject
    VaadinServer ui;
    HeadlessChromium chromium;
    Browser browser;
    TestMail mail;
    TestTenant tenant;

    @Override
    protected Map<String, String> extraProperties() {
        mail = new TestMail();
        Map<String, String> p = new HashMap<>(mail.properties());
        p.put("platform.ui.enabled", "true");
        p.put("platform.ui.port", Integer.toString(UI_PORT));
        p.put("platform.public-base-url", "http://localhost:" + UI_PORT);
        return p;
    }

    @BeforeAll
    void browserAndUser() throws Exception {
        Files.createDirectories(SHOTS);
        tenant = tenants().create("reset-journey");
        UUID id = context.getBean(UserManagement.class).create(tenant.admin(),
            new UserManagement.NewUser("wasureta", "忘れ 太郎", "staff", TestTenants.PASSWORD, "wasureta@example.jp")).orThrow().user().id();
        TestTenants.ownPassword(context, tenant, id, Role.STAFF);
        chromium = new HeadlessChromium();
        browser = chromium.browser();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
        mail.close();
    }

    @Test
    void a_forgotten_password_is_reset_from_the_login_through_the_mailed_link_and_the_new_one_signs_in() {
        try (BrowserContext c = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(1280, 800))) {
            Page page = c.newPage();
            page.navigate("http://localhost:" + ui.port() + "/login");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.locator("#forgot-password").click();
            page.waitForURL("**/forgot-password");
            page.locator("#forgot-organization input").fill("reset-journey");
            page.locator("#forgot-email input").fill("wasureta@example.jp");
            page.locator("#forgot-submit").click();
            assertThat(page.locator("#forgot-result")).containsText("受け付けました");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("password-01-requested.png")));

            List<TestMail.Received> received = mail.await("wasureta@example.jp", 1);
            assertThat(received).hasSize(1);
            Matcher m = LINK.matcher(received.get(0).body());
            assertThat(m.find()).as(received.get(0).body()).isTrue();
            page.navigate(m.group(1));
            page.waitForLoadState(LoadState.NETWORKIDLE);
            page.locator("#reset-new-password input").fill("browser-new-password");
            page.locator("#reset-confirm-password input").fill("browser-new-password");
            page.locator("#reset-submit").click();
            assertThat(page.locator("#reset-message")).containsText("新しいパスワードを設定しました");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("password-02-reset.png")));

            page.locator("#reset-onward").click();
            page.waitForURL("**/login");
            page.locator("#organization input").fill("reset-journey");
            page.locator("#username input").fill("wasureta");
            page.locator("#password input").fill("browser-new-password");
            page.locator("#login").click();
            page.waitForURL("**/people");
            assertThat(page.locator("#change-password-link")).hasText("パスワード変更");
        }
    }
}
