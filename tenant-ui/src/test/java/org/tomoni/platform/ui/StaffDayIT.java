package org.tomoni.platform.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tomoni.platform.bootstrap.DemoProvisioning;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.server.VaadinServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new staff member's first day at each demo organisation, in Chromium at 1280×800, without help: the admin creates
 * the user and hands over the temporary password; the staff member signs in, is made to choose their own password,
 * finds a member by the reading, changes the phone number, registers a newcomer whose address comes from the postal
 * code, records a gift (at the hub network, from a member hub), issues its receipt after the confirmation, and looks
 * through the gifts, runs and debit batches. The admin then finds each of those actions under the staff member's
 * name in 監査ログ and downloads them as CSV. At every step nothing is outside the window or cut
 * ({@link ViewportWalkerIT#CHECK}), no message key shows raw ({@code !key}) and no record id is on screen.
 */
@MicronautTest(transactional = false)
class StaffDayIT extends PlatformTest {
    private static final Path SHOTS = Paths.get("target", "screenshots", "staff-day");
    private static final Pattern TEMPORARY = Pattern.compile("仮パスワード：(\\S+)（");
    private static final Pattern RAW_KEY = Pattern.compile("![a-z][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)+");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String OWN_PASSWORD = "hoshino-own-password-2026";

    /** A demo organisation's day: the member looked up (reading, name as listed) and the donor of the gift recorded. */
    record Day(String slug, String kana, String member, String donorSearch, String donor) {
    }

    private static final List<Day> DAYS = List.of(
        new Day("yume-fund", "サトウ", "佐藤 健一", "鈴木", "鈴木 美咲"),
        new Day("life-support", "コバヤシ", "小林 正樹", "加藤", "加藤 由美"),
        new Day("hiroba-network", "イノウエ", "井上 真理子", "びーの", "NPO法人 びーのびーの"),
        new Day("inclu-fund", "サイトウ", "斎藤 和也", "森", "森 さくら"));

    @Inject
    VaadinServer ui;
    HeadlessChromium chromium;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @BeforeAll
    void theDemoOrganisations() throws Exception {
        Files.createDirectories(SHOTS);
        List<String> created = context.getBean(DemoProvisioning.class).provisionIfWanted(true, TestTenants.PASSWORD);
        assertThat(created).containsAll(DAYS.stream().map(Day::slug).toList());
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> a_new_staff_member_of_each_demo_organisation_does_a_days_work_and_the_admin_reads_it_in_the_audit_log() {
        return DAYS.stream().map(day -> DynamicTest.dynamicTest(day.slug(), () -> work(day)));
    }

    private void work(Day day) throws Exception {
        List<String> problems = new ArrayList<>();
        try (BrowserContext browser = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ja-JP")
                .setViewportSize(1280, 800).setAcceptDownloads(true))) {
            Page page = browser.newPage();
            page.setDefaultTimeout(15_000);
            Steps steps = new Steps(page, day.slug(), problems);

            String temporary = adminCreatesTheStaffUser(page, steps, day);
            staffSignsInAndChoosesTheirOwnPassword(page, steps, day, temporary);
            staffFindsAMemberByTheReadingAndChangesThePhone(page, steps, day);
            staffRegistersANewcomerWithTheAddressFromThePostalCode(page, steps);
            staffRecordsAGiftAndIssuesItsReceipt(page, steps, day);
            staffLooksThroughTheMoneyScreens(page, steps);
            adminReadsTheDayInTheAuditLog(page, steps, day);
        }
        assertThat(problems).as("what a new staff member of %s met on the way (step: problem)", day.slug()).isEmpty();
    }

    private String adminCreatesTheStaffUser(Page page, Steps steps, Day day) {
        signIn(page, day.slug(), "admin", TestTenants.PASSWORD);
        page.waitForSelector("vaadin-side-nav-item[path]");
        menu(page, "users");
        steps.check("the users list");
        page.locator("#new-user-username input").fill("hoshino");
        page.locator("#new-user-display-name input").fill("星野 あかり");
        page.locator("#new-user-email input").fill("hoshino@" + day.slug() + ".example.jp");
        page.locator("#new-user-add").click();
        assertThat(page.locator("#users-message")).containsText("ユーザー「hoshino」を作成しました");
        steps.check("the user created");
        Matcher m = TEMPORARY.matcher(page.locator("#users-message").innerText());
        assertThat(m.find()).as("the temporary password is shown once").isTrue();
        signOut(page);
        return m.group(1);
    }

    private void staffSignsInAndChoosesTheirOwnPassword(Page page, Steps steps, Day day, String temporary) {
        signIn(page, day.slug(), "hoshino", temporary);
        page.waitForURL("**/password");
        assertThat(page.locator("#password-notice")).containsText("仮パスワードでログインしています");
        steps.check("the forced password change");
        page.locator("#current-password input").fill(temporary);
        page.locator("#new-password input").fill(OWN_PASSWORD);
        page.locator("#confirm-password input").fill(OWN_PASSWORD);
        page.locator("#change-password").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("パスワードを変更しました"))).isVisible();
        page.waitForSelector("vaadin-side-nav-item[path='people']");
        steps.check("home after the password change");
    }

    private void staffFindsAMemberByTheReadingAndChangesThePhone(Page page, Steps steps, Day day) {
        menu(page, "people");
        page.locator("#people-search input").fill(day.kana());
        Locator row = page.locator("#people-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText(day.member()));
        row.first().waitFor();
        steps.check("people found by the reading " + day.kana());
        row.first().click();
        page.waitForURL("**/person/**");
        assertThat(page.locator("#person-familyName input")).hasValue(day.member().split(" ")[0]);
        steps.check("the member's form");
        page.locator("#person-phone input").fill("03-5555-0123");
        page.locator("#person-save").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("保存しました。")).first()).isVisible();
        steps.check("the member saved");
        menu(page, "people");
        page.locator("#people-search input").fill(day.kana());
        assertThat(page.locator("#people-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("03-5555-0123")).first())
            .isVisible();
    }

    private void staffRegistersANewcomerWithTheAddressFromThePostalCode(Page page, Steps steps) {
        menu(page, "people");
        page.locator("#people-new").click();
        page.locator("#person-familyName input").waitFor();
        page.locator("#person-familyName input").fill("新井");
        page.locator("#person-givenName input").fill("はるか");
        page.locator("#person-familyNameKana input").fill("アライ");
        page.locator("#person-givenNameKana input").fill("ハルカ");
        page.locator("#person-postalCode input").fill("220-0011");
        page.locator("#person-postalCode input").blur();
        assertThat(page.locator("#person-address-hint")).containsText("郵便番号から住所を入れました");
        assertThat(page.locator("#person-city input")).hasValue("横浜市西区");
        assertThat(page.locator("#person-addressLine1 input")).hasValue("高島");
        steps.check("a newcomer's address from the postal code");
        page.locator("#person-addressLine1 input").fill("高島2-1-1");
        page.locator("#person-save").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("保存しました。")).first()).isVisible();
        steps.check("the newcomer saved");
        menu(page, "people");
        page.locator("#people-search input").fill("アライ ハルカ");
        assertThat(page.locator("#people-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("新井 はるか")).first()).isVisible();
    }

    private void staffRecordsAGiftAndIssuesItsReceipt(Page page, Steps steps, Day day) {
        menu(page, "giving/donations");
        steps.check("the donations list");
        page.locator("#donation-donor input").fill(day.donorSearch());
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(day.donor())).first().waitFor();
        steps.check("the donor picker open");
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText(day.donor())).first().click();
        assertThat(page.locator("#donation-donor input").inputValue()).contains(day.donor());
        page.locator("#donation-amount input").fill("7777");
        page.locator("#donation-add").click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText(day.donor() + " 様から7,777円の受領を登録しました")).first()).isVisible();
        steps.check("the gift recorded");
        Locator gift = page.locator("vaadin-grid vaadin-grid-cell-content", new Page.LocatorOptions().setHasText("7,777円"));
        gift.first().click();
        ViewportWalkerIT.settle(page);
        page.locator("#donation-issue-receipt").click();
        Locator confirm = page.locator("vaadin-confirm-dialog-overlay[opened]");
        assertThat(confirm).containsText(day.donor());
        assertThat(confirm).containsText("7,777円");
        steps.check("the receipt's confirmation");
        confirm.locator("vaadin-button", new Locator.LocatorOptions().setHasText("発行する")).click();
        assertThat(page.locator("vaadin-notification-card", new Page.LocatorOptions().setHasText("を発行しました")).first()).isVisible();
        steps.check("the receipt issued");
    }

    private void staffLooksThroughTheMoneyScreens(Page page, Steps steps) {
        for (String path : List.of("giving/gifts", "giving/runs", "giving/batches", "giving/receipts")) {
            menu(page, path);
            steps.check("/" + path);
            Locator first = page.locator("vaadin-grid").first().locator("#items tr:not([hidden]) td").first();
            if (first.count() > 0 && first.isVisible()) {
                first.click();
                ViewportWalkerIT.settle(page);
                steps.check("/" + path + " a row opened");
            }
        }
        signOut(page);
    }

    private void adminReadsTheDayInTheAuditLog(Page page, Steps steps, Day day) throws Exception {
        signIn(page, day.slug(), "admin", TestTenants.PASSWORD);
        page.waitForSelector("vaadin-side-nav-item[path]");
        menu(page, "audit-log");
        page.locator("#audit-who input").fill("星野");
        page.locator("vaadin-combo-box-item", new Page.LocatorOptions().setHasText("星野 あかり")).first().waitFor();
        page.locator("#audit-who input").press("ArrowDown");
        page.locator("#audit-who input").press("Enter");
        ViewportWalkerIT.settle(page);
        Locator grid = page.locator("#audit-grid");
        assertThat(grid).containsText("星野 あかり");
        assertThat(grid).containsText("領収書の発行");
        steps.check("the audit log of the staff member");
        Download download = page.waitForDownload(() -> page.locator("#audit-download").click());
        String csv = new String(Files.readAllBytes(download.path()), StandardCharsets.UTF_8);
        for (String action : List.of("自分のパスワードの変更", "会員情報の変更", "会員の登録", "寄付・会費の受領登録", "領収書の発行")) {
            assertThat(csv).as("the CSV names what 星野 did").contains(action);
        }
        assertThat(csv.lines().skip(1).filter(l -> !l.isBlank()).allMatch(l -> l.contains("星野 あかり")))
            .as("every entry of the filtered CSV is the staff member's:\n%s", csv).isTrue();
    }

    private void signIn(Page page, String organization, String username, String password) {
        HeadlessChromium.signIn(page, ui.port(), organization, username, password);
    }

    private static void signOut(Page page) {
        page.locator("#logout").click();
        page.waitForURL("**/login");
    }

    private static void menu(Page page, String path) {
        page.locator("vaadin-side-nav-item[path='" + path + "']").click();
        page.waitForURL("**/" + path);
        ViewportWalkerIT.settle(page);
    }

    /** Checks the screen at a step and keeps what is wrong, with a screenshot. */
    private record Steps(Page page, String slug, List<String> problems) {
        void check(String step) {
            ViewportWalkerIT.settle(page);
            List<String> found = new ArrayList<>(ViewportWalkerIT.problems(page, 1280, true));
            String text = String.valueOf(page.evaluate("() => document.body.innerText + '\\n' + [...document.querySelectorAll('input, textarea')]"
                + ".map(i => i.value).join('\\n')"));
            Matcher raw = RAW_KEY.matcher(text);
            while (raw.find()) {
                found.add("a message key shows raw: " + raw.group());
            }
            Matcher id = UUID_TEXT.matcher(text);
            while (id.find()) {
                found.add("a record id is on screen: " + id.group());
            }
            if (!found.isEmpty()) {
                page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve((slug + "-" + step).replaceAll("[^A-Za-z0-9-]+", "_") + ".png")));
                found.forEach(p -> problems.add(step + ": " + p));
                System.out.println(String.join("\n", found.stream().map(p -> slug + " " + step + ": " + p).toList()));
            }
        }
    }
}
