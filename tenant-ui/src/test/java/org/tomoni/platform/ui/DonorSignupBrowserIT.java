package org.tomoni.platform.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomoni.platform.giving.DonorLinks;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.giving.RecurringGifts.GiftView;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.server.VaadinServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A donor on a phone (390×844) in headless Chromium against the real UI port: opens an
 * organisation's donation page without signing in, chooses a plan and units, fills in the form
 * in Japanese, confirms, double-clicks 申し込む and gets one gift with its 受付番号; then manages
 * it from the signed link. Screenshots go to target/screenshots/.
 */
@MicronautTest(transactional = false)
class DonorSignupBrowserIT extends PlatformTest {
    private static final Path SHOTS = Paths.get("target", "screenshots");
    @Inject
    VaadinServer ui;
    HeadlessChromium chromium;
    Browser browser;
    TestTenant tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @BeforeAll
    void browserAndTenant() throws Exception {
        Files.createDirectories(SHOTS);
        tenant = tenants().create("donate-journey", "membership_organization");
        GiftPlans plans = context.getBean(GiftPlans.class);
        plans.create(tenant.admin(), new PlanRequest("マンスリーサポーター", 300L, "monthly", "子ども食堂の運営", true)).orThrow();
        plans.create(tenant.admin(), new PlanRequest("年次サポーター", 5000L, "yearly", null, true)).orThrow();
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
    void a_donor_on_a_phone_signs_up_in_japanese_confirms_and_gets_exactly_one_gift_with_its_reference_number() {
        try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(390, 844)
            .setIsMobile(true).setHasTouch(true))) {
            Page page = phone.newPage();
            List<String> csp = HeadlessChromium.cspViolations(page);
            page.navigate(base() + "/public/donate-journey/donate");
            page.waitForLoadState(LoadState.NETWORKIDLE);
            assertThat(page.locator("#public-organization")).hasText("donate-journey の会");
            assertThat(page.locator("#tenant-name")).hasCount(0);
            assertThat(page.locator("vaadin-side-nav")).hasCount(0);

            page.locator("#donate-planId vaadin-radio-button", new Page.LocatorOptions().setHasText("マンスリーサポーター")).click();
            assertThat(page.locator("#donate-planId")).containsText("300円／口・毎月");
            page.locator("#donate-units input").fill("3");
            assertThat(page.locator("#donate-total")).hasText("毎月 900円");

            page.locator("#donate-familyName input").fill("山田");
            page.locator("#donate-givenName input").fill("花子");
            page.locator("#donate-familyNameKana input").fill("やまだ");
            page.locator("#donate-givenNameKana input").fill("はなこ");
            page.locator("#donate-email input").fill("hanako.browser@example.jp");
            page.locator("#donate-phone input").fill("090-1234-5678");
            page.locator("#donate-postalCode input").fill("100-0001");
            page.locator("#donate-prefecture input").fill("東京都");
            page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("東京都")).click();
            page.locator("#donate-city input").fill("千代田区");
            page.locator("#donate-addressLine1 input").fill("千代田1-1");
            page.locator("#donate-bankCode input").fill("0001");
            page.locator("#donate-branchCode input").fill("123");
            page.locator("#donate-accountNumber input").fill("1234567");
            page.locator("#donate-accountHolderKana input").fill("ヤマダ ハナコ");
            page.locator("#donate-accountHolderKana input").blur();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("10-donate-form-ja.png")).setFullPage(true));

            page.locator("#donate-confirm").click();
            Locator summary = page.locator("#donate-summary");
            assertThat(summary).containsText("マンスリーサポーター");
            assertThat(summary).containsText("毎月 900円");
            assertThat(summary).containsText("山田 花子");
            assertThat(summary).containsText("普通 ****567");
            assertThat(summary).not().containsText("1234567");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("10b-donate-confirm-ja.png")).setFullPage(true));

            page.locator("#donate-submit").dblclick();
            Locator number = page.locator("#donate-gift-number");
            assertThat(number).hasText(Pattern.compile("受付番号：\\d+"));
            assertThat(page.locator("#donate-mail-note")).containsText("hanako.browser@example.jp");
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("11-donate-thanks-ja.png")).setFullPage(true));

            List<GiftView> gifts = context.getBean(RecurringGifts.class).list(tenant.admin(), null, PageRequest.of(0, 100)).orThrow().items()
                .stream().filter(g -> "山田 花子".equals(g.donorName())).toList();
            assertThat(gifts).as("one gift however the button was clicked").hasSize(1);
            GiftView gift = gifts.get(0);
            assertThat(number.textContent()).isEqualTo("受付番号：" + gift.giftNumber());
            assertThat(gift.units()).isEqualTo(3);
            assertThat(gift.monthlyAmount()).isEqualTo(900);
            assertThat(gift.status()).isEqualTo("active");
            assertThat(gift.bankAccount().accountNumberMasked()).isEqualTo("****567");

            page.navigate(base() + "/public/gift/" + context.getBean(DonorLinks.class).token(tenant.id(), gift.id()));
            assertThat(page.locator("#donor-status")).hasText("有効");
            assertThat(page.locator("#donor-amount")).hasText("毎月 900円");
            page.locator("#donor-pause").click();
            assertThat(page.locator("#donor-status")).hasText("休止中");
            assertThat(page.locator("#donor-resume")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("12-donor-gift-paused-ja.png")).setFullPage(true));
            assertThat(context.getBean(RecurringGifts.class).get(tenant.admin(), gift.id()).orThrow().status()).isEqualTo("paused");
            assertThat(csp).as("Content-Security-Policy violations on the donation page and the donor's link").isEmpty();
        }
        assertThat(SHOTS.resolve("10-donate-form-ja.png")).exists();
        assertThat(SHOTS.resolve("11-donate-thanks-ja.png")).exists();
    }

    private String base() {
        return "http://localhost:" + ui.port();
    }
}
