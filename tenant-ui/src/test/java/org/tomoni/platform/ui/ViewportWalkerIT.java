package org.tomoni.platform.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tomoni.platform.bootstrap.DemoProvisioning;
import org.tomoni.platform.giving.Payments.PaymentRequest;
import org.tomoni.platform.giving.BillingRuns;
import org.tomoni.platform.giving.PublicGiving;
import org.tomoni.platform.identity.Authenticator;
import org.tomoni.platform.identity.UserManagement;
import org.tomoni.platform.shared.Role;
import org.tomoni.platform.shared.Outcome;
import org.tomoni.platform.testing.PlatformTest;
import org.tomoni.platform.testing.TestTenants;
import org.tomoni.platform.ui.server.VaadinServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff screens at 1280×800 in Chromium, as an office PC shows them: the admin of each demo
 * organisation (and the platform operator) opens every view of the menu, and the forms and detail
 * panels opened from them, in Japanese and then in English. A view fails when the page (or the
 * layout's content area, or a list) scrolls sideways, when a visible button, field, label, link or
 * grid header ends beyond the window's right edge, or when their text is cut (an ellipsis, a
 * field's value that does not fit, a short label squeezed onto three lines or more, a list cell
 * shown as {@code スタ…}). At 1024×768 the same views have no page-level sideways scroll and no
 * control outside the window (a list may scroll inside itself there). Every problem is named by
 * view, language, viewport and element; screenshots of the failing views (of every view with
 * {@code -Dviewport.screenshots=true}) go to target/screenshots/viewport/.
 */
@MicronautTest(transactional = false)
class ViewportWalkerIT extends PlatformTest {
    private static final Path SHOTS = Paths.get("target", "screenshots", "viewport");
    /** Finds what is outside the window or cut, in the light DOM and the components' own parts; returns one line per problem. */
    static final String CHECK = """
        ({width, strict}) => {
          const problems = [];
          const shown = el => el.isConnected && el.checkVisibility({checkVisibilityCSS: true})
            && el.getBoundingClientRect().width > 0 && el.getBoundingClientRect().height > 0;
          const name = el => {
            const text = (el.getAttribute('aria-label') || el.getAttribute('label') || el.innerText || el.value || '')
              .replace(/\\s+/g, ' ').trim().slice(0, 40);
            return el.localName + (el.id ? '#' + el.id : '') + (text ? ' "' + text + '"' : '');
          };
          const scroller = document.scrollingElement;
          if (scroller.scrollWidth > scroller.clientWidth) {
            problems.push('the page scrolls sideways (' + scroller.scrollWidth + ' px wide in ' + scroller.clientWidth + ')');
          }
          const layout = document.querySelector('vaadin-app-layout');
          const content = layout && layout.shadowRoot && layout.shadowRoot.querySelector('[content]');
          if (content && content.scrollWidth > content.clientWidth + 1) {
            problems.push('the content area scrolls sideways (' + content.scrollWidth + ' px wide in ' + content.clientWidth + ')');
          }
          const controls = 'vaadin-button, vaadin-text-field, vaadin-text-area, vaadin-integer-field, vaadin-number-field, '
            + 'vaadin-big-decimal-field, vaadin-email-field, vaadin-password-field, vaadin-combo-box, vaadin-multi-select-combo-box, '
            + 'vaadin-select, vaadin-date-picker, vaadin-date-time-picker, vaadin-time-picker, vaadin-checkbox, '
            + 'vaadin-checkbox-group, vaadin-radio-group, vaadin-upload, vaadin-grid, a, label, h1, h2, h3, h4';
          for (const el of document.querySelectorAll(controls)) {
            if (!shown(el) || el.closest('vaadin-grid-cell-content') && !strict) continue;
            const r = el.getBoundingClientRect();
            if (r.right > width + 0.5) {
              problems.push(name(el) + ' ends at x=' + Math.round(r.right) + ', outside the window of ' + width);
            }
          }
          if (!strict) return problems;
          for (const grid of document.querySelectorAll('vaadin-grid')) {
            if (!shown(grid)) continue;
            const table = grid.shadowRoot && grid.shadowRoot.querySelector('#table');
            if (table && table.scrollWidth > table.clientWidth + 1) {
              problems.push(name(grid) + ' scrolls sideways (' + table.scrollWidth + ' px of columns in ' + table.clientWidth + ')');
            }
            for (const cell of grid.querySelectorAll(':scope > vaadin-grid-cell-content')) {
              if (!shown(cell) || !cell.innerText.trim()) continue;
              const own = cell.assignedSlot && cell.assignedSlot.parentElement;
              if (own && own.closest('tfoot')) continue;
              if (cell.scrollWidth > cell.clientWidth + 1) {
                const where = own && own.closest('thead') ? 'header' : 'cell';
                problems.push(name(grid) + ' ' + where + ' "' + cell.innerText.trim().slice(0, 40) + '" is cut ('
                  + cell.scrollWidth + ' px of text in ' + cell.clientWidth + ')');
              }
            }
          }
          for (const button of document.querySelectorAll('vaadin-button')) {
            const label = button.shadowRoot && button.shadowRoot.querySelector('[part="label"]');
            if (shown(button) && label && label.scrollWidth > label.clientWidth + 1) {
              problems.push(name(button) + ' shows its text cut');
            }
          }
          for (const label of document.querySelectorAll('label')) {
            if (!shown(label)) continue;
            const text = label.innerText.trim();
            const lineHeight = parseFloat(getComputedStyle(label).lineHeight) || 20;
            const lines = Math.round(label.getBoundingClientRect().height / lineHeight);
            if (label.scrollWidth > label.clientWidth + 1) {
              problems.push('label "' + text.slice(0, 40) + '" is cut');
            } else if (lines >= 3 && text.length <= 24) {
              problems.push('label "' + text + '" is squeezed onto ' + lines + ' lines');
            }
          }
          for (const input of document.querySelectorAll('input, textarea')) {
            const field = input.closest('[class], vaadin-text-field, vaadin-date-picker, vaadin-combo-box') || input;
            if (!shown(input) || !input.value || input.type === 'checkbox' || input.type === 'file') continue;
            if (input.scrollWidth > input.clientWidth + 1 && input.localName === 'input') {
              problems.push(name(field) + ' shows its value "' + input.value.slice(0, 30) + '" cut');
            }
          }
          for (const el of document.querySelectorAll('body *:not(vaadin-grid-cell-content):not(label):not(input)')) {
            if (getComputedStyle(el).textOverflow !== 'ellipsis' || !shown(el)) continue;
            if (el.scrollWidth > el.clientWidth + 1) {
              problems.push(name(el.closest('vaadin-side-nav-item') || el) + ' shows its text cut ("' + el.innerText.trim().slice(0, 40) + '")');
            }
          }
          for (const item of document.querySelectorAll('vaadin-side-nav-item')) {
            for (const el of item.shadowRoot ? item.shadowRoot.querySelectorAll('*') : []) {
              if (shown(item) && getComputedStyle(el).textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) {
                problems.push(name(item) + ' shows its label cut in the menu');
              }
            }
          }
          for (const button of document.querySelectorAll('vaadin-select')) {
            const value = button.querySelector('vaadin-select-value-button');
            if (shown(button) && value && value.scrollWidth > value.clientWidth + 1) {
              problems.push(name(button) + ' shows its value cut');
            }
          }
          return problems;
        }
        """;

    @Inject
    VaadinServer ui;
    HeadlessChromium chromium;
    List<String> tenants;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("platform.ui.enabled", "true", "platform.ui.port", "0");
    }

    @BeforeAll
    void theDemoOrganisationsWithAStaffUserAndARecurringGiftEach() throws Exception {
        Files.createDirectories(SHOTS);
        tenants = context.getBean(DemoProvisioning.class).provisionIfWanted(true, TestTenants.PASSWORD);
        assertThat(tenants).as("the demo organisations").hasSizeGreaterThanOrEqualTo(4);
        PublicGiving giving = context.getBean(PublicGiving.class);
        for (String slug : tenants) {
            var admin = (Authenticator.Attempt.Authenticated) context.getBean(Authenticator.class).authenticate(slug, "admin", TestTenants.PASSWORD, "127.0.0.1");
            var tanaka = context.getBean(UserManagement.class).create(admin.actor(),
                new UserManagement.NewUser("tanaka", "田中 一郎", Role.STAFF.code(), TestTenants.PASSWORD)).orThrow().user();
            TestTenants.ownPassword(context, new org.tomoni.platform.shared.Actor(tanaka.id(), tanaka.id().toString(), admin.actor().tenantId(),
                slug, java.util.Set.of(Role.STAFF), null));
            if (giving.plans(slug) instanceof Outcome.Ok<PublicGiving.PublicPlans> plans && !plans.value().items().isEmpty()) {
                var gift = giving.signUp(slug, UUID.randomUUID().toString(), new PublicGiving.SignupRequest(plans.value().items().get(0).id().toString(), 2,
                    new PublicGiving.DonorRequest("寄付", "花子", "キフ", "ハナコ", "viewport-" + slug + "@example.jp", null, null, null, null, null, null),
                    new PaymentRequest("direct_debit", "0001", "123", 1, "1234567", "ｷﾌ ﾊﾅｺ", null))).orThrow();
                // A billing run of the gift's first month, so the runs and debit batches (and a batch's detail) have a row where settings allow.
                context.getBean(BillingRuns.class).run(admin.actor(), gift.startMonth());
            }
        }
        chromium = new HeadlessChromium();
    }

    @AfterAll
    void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_view_of_each_demo_organisation_fits_1280_by_800_in_japanese_and_english_and_its_lists_1024_by_768() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String slug : tenants) {
            tests.add(DynamicTest.dynamicTest(slug, () -> walk(slug, "admin")));
        }
        tests.add(DynamicTest.dynamicTest("platform operator", () -> walk("", "operator")));
        return tests.stream();
    }

    private void walk(String organization, String username) {
        long started = System.nanoTime();
        List<String> problems = new ArrayList<>();
        try (BrowserContext browser = chromium.browser().newContext(new Browser.NewContextOptions().setLocale("ja-JP").setViewportSize(1280, 800))) {
            Page page = browser.newPage();
            page.setDefaultTimeout(15_000);
            HeadlessChromium.signIn(page, ui.port(), organization, username, TestTenants.PASSWORD);
            page.waitForSelector("vaadin-side-nav-item[path]");
            settle(page);
            List<String> paths = page.locator("vaadin-side-nav-item[path]").evaluateAll("items => items.map(i => i.getAttribute('path'))")
                instanceof List<?> found ? found.stream().map(String::valueOf).toList() : List.of();
            assertThat(paths).as("the menu of %s", username).isNotEmpty();
            String who = organization.isEmpty() ? username : organization;
            for (String language : List.of("ja", "en")) {
                if (language.equals("en")) {
                    page.locator("#language").click();
                    page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("English")).click();
                    settle(page);
                }
                for (String path : paths) {
                    open(page, path);
                    // The lists at 1024 px in the longer labels (English) only: the walk stays short.
                    check(page, problems, who + " " + language + " /" + path, language.equals("en"));
                    boolean onTheView = true;
                    for (var panel : panels(path).entrySet()) {
                        if (!onTheView) {
                            open(page, path);
                        }
                        onTheView = false;
                        if (panel.getValue().apply(page)) {
                            settle(page);
                            check(page, problems, who + " " + language + " /" + path + " " + panel.getKey(), false);
                        }
                    }
                }
            }
        }
        System.out.printf("Viewport walk of %s: %d s%n", organization.isEmpty() ? username : organization, (System.nanoTime() - started) / 1_000_000_000);
        assertThat(problems).as("views of %s that do not fit (view: problem)", organization.isEmpty() ? username : organization).isEmpty();
    }

    /** The forms and detail panels a view opens, each a step that opens it (false when there is nothing to open). */
    private static Map<String, java.util.function.Function<Page, Boolean>> panels(String path) {
        return switch (path) {
            case "people" -> Map.of(
                "new person", page -> click(page.locator("#people-new")),
                "a person's form", page -> click(firstRow(page, "#people-grid")));
            case "memberships" -> Map.of(
                "a membership's history", page -> click(page.locator("vaadin-grid vaadin-button").last()));
            case "organizations" -> Map.of(
                "an organisation's form", page -> click(firstRow(page, "vaadin-grid")));
            case "giving/gifts" -> Map.of(
                "a recurring gift's detail", page -> click(firstRow(page, "vaadin-grid")));
            case "giving/batches" -> Map.of(
                "a debit batch's detail and its debits", page -> click(firstRow(page, "vaadin-grid")));
            case "giving/runs" -> Map.of(
                "a run's charges", page -> click(firstRow(page, "vaadin-grid")));
            case "giving/donations" -> Map.of(
                "a donation's cancellation", page -> click(firstRow(page, "vaadin-grid")) && clickEnabled(page, "#donation-cancel"),
                "a donation's correction", page -> click(firstRow(page, "vaadin-grid")) && clickEnabled(page, "#donation-correct"));
            case "audit-log" -> Map.of(
                "an audit entry's detail", page -> click(firstRow(page, "#audit-grid")));
            case "platform" -> Map.of(
                "a platform audit entry's detail", page -> click(firstRow(page, "#platform-audit-grid")));
            default -> Map.of();
        };
    }

    private static Locator firstRow(Page page, String grid) {
        return page.locator(grid).first().locator("#items tr:not([hidden]) td").first();
    }

    /** Clicks the button once the server has answered the selection that enables it; false when it stays disabled. */
    private static boolean clickEnabled(Page page, String selector) {
        settle(page);
        Locator button = page.locator(selector);
        return button.count() > 0 && button.first().isEnabled() && click(button);
    }

    private static boolean click(Locator locator) {
        if (locator.count() == 0 || !locator.first().isVisible()) {
            return false;
        }
        locator.first().click();
        return true;
    }

    private void open(Page page, String path) {
        // A panel may have left a modal confirmation open (it is modal on purpose): it is dismissed as staff would.
        while (page.locator("vaadin-confirm-dialog-overlay[opened], vaadin-dialog-overlay[opened]").count() > 0) {
            page.keyboard().press("Escape");
            settle(page);
        }
        page.locator("vaadin-side-nav-item[path='" + path + "']").click();
        page.waitForURL("**/" + path);
        settle(page);
    }

    /** Waits until the server round trips are over and the lists have laid out their columns. */
    static void settle(Page page) {
        page.waitForFunction("() => window.Vaadin && Vaadin.Flow && Object.values(Vaadin.Flow.clients)"
            + ".every(c => !c.isActive || !c.isActive())");
        page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 80))))");
    }

    private void check(Page page, List<String> problems, String view, boolean alsoAt1024) {
        List<String> found = new ArrayList<>(problems(page, 1280, true));
        if (alsoAt1024) {
            page.setViewportSize(1024, 768);
            settle(page);
            problems(page, 1024, false).forEach(p -> found.add("at 1024×768: " + p));
            page.setViewportSize(1280, 800);
            settle(page);
        }
        if (!found.isEmpty() || Boolean.getBoolean("viewport.screenshots")) {
            page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(view.replaceAll("[^A-Za-z0-9-]+", "_") + ".png")));
            found.forEach(p -> problems.add(view + ": " + p));
            System.out.println(String.join("\n", found.stream().map(p -> view + ": " + p).toList()));
        }
    }

    static List<String> problems(Page page, int width, boolean strict) {
        Object found = page.evaluate(CHECK, Map.of("width", width, "strict", strict));
        return found instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }
}
