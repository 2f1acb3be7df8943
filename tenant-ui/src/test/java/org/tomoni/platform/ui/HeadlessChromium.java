package org.tomoni.platform.ui;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Debian's Chromium driven by Playwright, headless, without Playwright's own browser download. */
final class HeadlessChromium implements AutoCloseable {
    private final Playwright playwright;
    private final Browser browser;

    HeadlessChromium() {
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
            .setExecutablePath(Paths.get("/usr/bin/chromium"))
            .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync")));
    }

    Browser browser() {
        return browser;
    }

    /**
     * Collects the page's Content-Security-Policy violations as they happen: Chromium reports each
     * one in the console (or as a page error for a refused eval), and the init script (which runs
     * outside the policy) echoes every {@code securitypolicyviolation} event there too.
     */
    static List<String> cspViolations(Page page) {
        List<String> seen = new CopyOnWriteArrayList<>();
        page.addInitScript("document.addEventListener('securitypolicyviolation', e => console.error("
            + "'Content Security Policy violation: ' + e.violatedDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber))");
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                System.out.println("CSP violation reported: " + m.text());
                seen.add(m.text());
            }
        });
        page.onPageError(e -> {
            if (e.contains("Content Security Policy") || e.contains("unsafe-eval")) {
                System.out.println("CSP violation reported: " + e);
                seen.add(e);
            }
        });
        return seen;
    }

    /** The login page's form filled and sent; an empty organisation is a platform user's sign-in. */
    static void signIn(Page page, int port, String organization, String username, String password) {
        page.navigate("http://localhost:" + port + "/login");
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        if (!organization.isEmpty()) {
            page.locator("#organization input").fill(organization);
        }
        page.locator("#username input").fill(username);
        page.locator("#password input").fill(password);
        page.locator("#login").click();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
