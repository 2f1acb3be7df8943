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
import org.tomoni.platform.giving.DonorLinks;
import org.tomoni.platform.giving.GiftPlans;
import org.tomoni.platform.giving.GiftPlans.PlanRequest;
import org.tomoni.platform.giving.RecurringGifts;
import org.tomoni.platform.shared.PageRequest;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants.TestTenant;
import org.tomoni.platform.ui.server.VaadinServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public pages on a phone (390×844, touch) in Chromium: the sign-up page at each step of the journey (the form
 * with the postal code's candidates and the bank search open, the form with its errors, the confirmation, the thanks)
 * and the donor's gift page, in Japanese and English. A step fails when the page scrolls sideways, when a control ends
 * outside the window or shows its text cut (the checks of {@link ViewportWalkerIT}), or when a field is too narrow
 * to type in. Screenshots of failing steps go to target/screenshots/phone/.
 */
@MicronautTest(transactional = false)
class PublicPagesOnAPhoneIT extends PlatformTest {
    private static final Path SHOTS = Paths.get("target", "screenshots", "phone");
    private static final int WIDTH = 390;
    /** Fields narrower than this cannot be typed in comfortably with a thumb. */
    private static final String NARROW = """
        (min) => [...document.querySelectorAll('vaadin-text-field, vaadin-email-field, vaadin-integer-field, vaadin-combo-box, vaadin-select')]
          .filter(el => el.id !== 'public-language' && el.checkVisibility() && el.getBoundingClientRect().width > 0)
          .filter(el => el.getBoundingClientRect().width < min || el.getBoundingClientRect().left < -0.5)
          .map(el => el.localName + '#' + el.id + ' is ' + Math.round(el.getBoundingClientRect().width) + ' px wide at x='
            + Math.round(el.getBoundingClientRect().left))
        """;
    @Inject
    VaadinServer ui;
    HeadlessChromium chromium;
    TestTenant tenant;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @BeforeAll
    void browserAndTenant() throws Exception {
        Files.createDirectories(SHOTS);
        tenant = tenants().create("phone-walk", "membership_organization");
        GiftPlans plans = context.getBean(GiftPlans.class);
        plans.create(tenant.admin(), new PlanRequest("マンスリーサポーター（子ども食堂の運営を毎月応援するプラン）", 300L, "monthly",
            "子ども食堂の運営と、地域の子どもたちの学習支援のために使わせていただきます", true)).orThrow();
        plans.create(tenant.admin(), new PlanRequest("年次サポーター", 5000L, "yearly", null, true)).orThrow();
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void the_sign_up_journey_and_the_donor_page_fit_a_390_by_844_phone_in_japanese_and_english() {
        List<String> problems = new ArrayList<>();
        for (String language : List.of("ja", "en")) {
            try (BrowserContext phone = chromium.browser().newContext(new Browser.NewContextOptions()
                .setLocale(language.equals("ja") ? "ja-JP" : "en-US").setViewportSize(WIDTH, 844).setIsMobile(true).setHasTouch(true))) {
                Page page = phone.newPage();
                page.setDefaultTimeout(15_000);
                page.navigate(base() + "/public/phone-walk/donate");
                page.waitForLoadState(LoadState.NETWORKIDLE);
                ViewportWalkerIT.settle(page);
                if (language.equals("en")) {
                    page.locator("#public-language").click();
                    page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("English")).click();
                    ViewportWalkerIT.settle(page);
                }
                check(page, problems, language + " the empty form");

                page.locator("#donate-confirm").click();
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the form with its errors");

                page.locator("#donate-planId vaadin-radio-button").first().click();
                page.locator("#donate-familyName input").fill("携帯");
                page.locator("#donate-givenName input").fill("花子");
                page.locator("#donate-familyNameKana input").fill("けいたい");
                page.locator("#donate-givenNameKana input").fill("はなこ");
                page.locator("#donate-email input").fill("phone-" + language + "@example.jp");
                page.locator("#donate-phone input").fill("090-1234-5678");
                page.locator("#donate-postalCode input").fill("498-0000");
                page.waitForSelector("#donate-address-choice-1");
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the postal code's two addresses on offer");
                page.locator("#donate-address-choice-0").click();
                page.locator("#donate-addressLine1 input").fill("鍋田町1-1");
                page.locator("#donate-bank-search input").fill("みずほ");
                page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("みずほ（0001）")).waitFor();
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the bank search open");
                // Chosen with the keyboard: a phone's overlay may sit where a pointer click cannot reach it in a headless run.
                page.locator("#donate-bank-search input").press("ArrowDown");
                page.locator("#donate-bank-search input").press("Enter");
                com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#donate-bankCode input")).hasValue("0001");
                page.locator("#donate-branch-search input").fill("丸の内中央");
                page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("丸の内中央（004）")).waitFor();
                page.locator("#donate-branch-search input").press("ArrowDown");
                page.locator("#donate-branch-search input").press("Enter");
                com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#donate-branchCode input")).hasValue("004");
                page.locator("#donate-accountNumber input").fill("1234567");
                page.locator("#donate-accountHolderKana input").fill("ｹｲﾀｲ ﾊﾅｺ");
                page.locator("#donate-accountHolderKana input").blur();
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the filled form");

                page.locator("#donate-confirm").click();
                page.waitForSelector("#donate-summary");
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the confirmation");

                page.locator("#donate-submit").click();
                page.waitForSelector("#donate-gift-number");
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the thanks");

                var gift = context.getBean(RecurringGifts.class).list(tenant.admin(), null, PageRequest.of(0, 100)).orThrow().items().stream()
                    .filter(g -> "携帯 花子".equals(g.donorName())).reduce((first, second) -> second).orElseThrow();
                page.navigate(base() + "/public/gift/" + context.getBean(DonorLinks.class).token(tenant.id(), gift.id()));
                page.waitForSelector("#donor-details");
                ViewportWalkerIT.settle(page);
                // The session keeps the language chosen on the sign-up page.
                com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(page.locator("#public-language"))
                    .containsText(language.equals("en") ? "English" : "日本語");
                check(page, problems, language + " the donor's gift page");
                page.locator("#donor-cancel").click();
                page.waitForSelector("vaadin-confirm-dialog-overlay[opened]");
                ViewportWalkerIT.settle(page);
                check(page, problems, language + " the donor's cancel confirmation");
            }
        }
        assertThat(problems).as("public pages that do not fit a 390×844 phone (step: problem)").isEmpty();
    }

    private void check(Page page, List<String> problems, String step) {
        // A plan's label is its name and its price on lines of their own, by design: only a label of one line is "squeezed".
        List<String> found = new ArrayList<>(ViewportWalkerIT.problems(page, WIDTH, true).stream()
            .filter(p -> !(p.contains("is squeezed onto") && p.substring(0, p.indexOf("is squeezed onto")).contains("\n"))).toList());
        Object narrow = page.evaluate(NARROW, 200);
        if (narrow instanceof List<?> list) {
            list.forEach(n -> found.add(String.valueOf(n)));
        }
        if (!found.isEmpty() || Boolean.getBoolean("viewport.screenshots")) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(step.replaceAll("[^A-Za-z0-9-]+", "_") + ".png")).setFullPage(true));
            found.forEach(p -> problems.add(step + ": " + p));
            System.out.println(String.join("\n", found.stream().map(p -> step + ": " + p).toList()));
        }
    }

    private String base() {
        return "http://localhost:" + ui.port();
    }
}
