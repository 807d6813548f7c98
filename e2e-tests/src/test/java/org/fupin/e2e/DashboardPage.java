package org.fupin.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as the browser test sees it, through the selectors the SPA promises (docs in PLAN, "dashui"): the
 * hash state {@code #/<view>?region=&year=&asOf=}, {@code data-testid}s, table rows {@code tr[data-region]} and
 * {@code tr[data-total]} with cells {@code td[data-field][data-value]}, and {@code data-state=done} once a view has
 * loaded. Every action that reloads a view first marks the page stale, then waits for {@code done} again.
 */
final class DashboardPage {

    static final List<String> VIEWS = List.of("households", "projects", "funds", "rectification");
    static final Duration LOAD = Duration.ofSeconds(120);

    final ChromeDriver driver;
    final String baseUrl;
    final Path screenshots;

    DashboardPage(ChromeDriver driver, String baseUrl, Path screenshots) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.screenshots = screenshots;
    }

    /** The state in the address's hash. */
    record State(String view, String region, String year, String asOf) {
    }

    /** One table row: the region code (null for the total row), its visible label cell text, field → data-value, field → text. */
    record Row(String region, String text, Map<String, String> values, Map<String, String> texts, Map<String, String> titles) {
    }

    WebDriverWait await(Duration d) {
        return new WebDriverWait(driver, d, Duration.ofMillis(100));
    }

    JavascriptExecutor js() {
        return driver;
    }

    /** Opens the dashboard's root (the sign-in starts here when there is no session). */
    void openRoot() {
        driver.get(baseUrl + "/dashboard/");
    }

    /** Opens a view for a state given in the hash, e.g. {@code households?region=62}. */
    void open(String hash) {
        String target = baseUrl + "/dashboard/#/" + hash;
        markStale();
        if (target.equals(driver.getCurrentUrl())) {
            driver.navigate().refresh(); // the same address fires no hashchange: nothing would load again
        } else {
            driver.get(target);
        }
        awaitLoaded();
    }

    // ------------------------------------------------------------------------------------------------ loading

    void markStale() {
        js().executeScript("var e = document.querySelector('[data-testid=loaded]') || document.body;"
                + " if (e) { e.setAttribute('data-state', 'stale'); }");
    }

    boolean loaded() {
        Object done = js().executeScript("var e = document.querySelector('[data-testid=loaded]') || document.body;"
                + " return !!e && e.getAttribute('data-state') === 'done';");
        return Boolean.TRUE.equals(done);
    }

    void awaitLoaded() {
        try {
            await(LOAD).until(d -> loaded());
        } catch (TimeoutException e) {
            screenshot("timeout-" + System.currentTimeMillis());
            throw new AssertionError("the dashboard did not finish loading (data-state=done) within " + LOAD + " at "
                    + driver.getCurrentUrl(), e);
        }
    }

    // -------------------------------------------------------------------------------------------------- state

    State state() {
        String url = driver.getCurrentUrl();
        int hash = url.indexOf("#/");
        if (hash < 0) {
            return new State(null, null, null, null);
        }
        String h = url.substring(hash + 2);
        int q = h.indexOf('?');
        String view = q < 0 ? h : h.substring(0, q);
        Map<String, String> params = new LinkedHashMap<>();
        if (q >= 0) {
            for (String pair : h.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return new State(view, blankToNull(params.get("region")), blankToNull(params.get("year")), blankToNull(params.get("asOf")));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    WebElement byTestId(String id) {
        return driver.findElement(By.cssSelector("[data-testid=" + id + "]"));
    }

    List<WebElement> allByTestId(String id) {
        return driver.findElements(By.cssSelector("[data-testid=" + id + "]"));
    }

    // ----------------------------------------------------------------------------------------------- actions

    void tab(String view) {
        if (view.equals(state().view())) {
            awaitLoaded(); // the tab of the view shown: clicking it changes no address, nothing loads again
            return;
        }
        markStale();
        click(byTestId("tab-" + view));
        await(LOAD).until(d -> view.equals(state().view()));
        awaitLoaded();
    }

    /** Clicks the row of a region in the view's table (drill-down) and waits for that region's view. */
    void drillInto(String view, String region) {
        WebElement row = table(view).findElement(By.cssSelector("tr[data-region='" + region + "']"));
        markStale();
        click(row.findElement(By.cssSelector("th, td")));
        await(LOAD).until(d -> region.equals(state().region()));
        awaitLoaded();
    }

    /** Clicks a breadcrumb link back up. */
    void breadcrumb(String region) {
        WebElement link = byTestId("breadcrumb").findElement(By.cssSelector("a[data-region='" + region + "']"));
        markStale();
        click(link);
        await(LOAD).until(d -> region.equals(state().region()));
        awaitLoaded();
    }

    List<String> breadcrumbRegions() {
        return byTestId("breadcrumb").findElements(By.cssSelector("a[data-region]")).stream()
                .map(a -> a.getAttribute("data-region")).toList();
    }

    String breadcrumbText() {
        return byTestId("breadcrumb").getText();
    }

    void selectYear(String year) {
        if (year.equals(state().year())) {
            awaitLoaded();
            return;
        }
        markStale();
        Select select = new Select(byTestId("year"));
        select.selectByValue(year);
        await(LOAD).until(d -> year.equals(state().year()));
        awaitLoaded();
    }

    /** Sets the as-of date picker as a person does (the input's value, then its input and change events). */
    void asOf(String date) {
        markStale();
        js().executeScript("var e = arguments[0]; e.value = arguments[1];"
                + " e.dispatchEvent(new Event('input', {bubbles: true})); e.dispatchEvent(new Event('change', {bubbles: true}));",
                byTestId("as-of"), date);
        await(LOAD).until(d -> date.equals(state().asOf()));
        awaitLoaded();
    }

    void toggleLanguage() {
        markStale();
        click(byTestId("lang"));
        awaitLoaded();
    }

    private void click(WebElement e) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    // -------------------------------------------------------------------------------------------------- table

    WebElement table(String view) {
        return byTestId("table-" + view);
    }

    WebElement chart(String view) {
        return byTestId("chart-" + view);
    }

    /** The rows of a region in the view's table (drill-down rows), in page order. */
    List<Row> rows(String view) {
        List<Row> out = new ArrayList<>();
        for (WebElement tr : table(view).findElements(By.cssSelector("tr[data-region]"))) {
            out.add(row(tr, tr.getAttribute("data-region")));
        }
        return out;
    }

    /** The total row, or null when the table has none. */
    Row total(String view) {
        List<WebElement> t = table(view).findElements(By.cssSelector("tr[data-total]"));
        return t.isEmpty() ? null : row(t.get(0), null);
    }

    private static Row row(WebElement tr, String region) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (WebElement td : tr.findElements(By.cssSelector("td[data-field]"))) {
            String field = td.getAttribute("data-field");
            String value = td.getAttribute("data-value");
            values.put(field, value == null ? "" : value);
            texts.put(field, td.getText().trim());
            String title = td.getAttribute("title");
            if (title == null || title.isBlank()) {
                List<WebElement> titled = td.findElements(By.cssSelector("[title]"));
                title = titled.isEmpty() ? "" : titled.get(0).getAttribute("title");
            }
            titles.put(field, title == null ? "" : title);
        }
        return new Row(region, tr.getText().trim(), values, texts, titles);
    }

    String exportHref(String view) {
        return byTestId("export-" + view).getAttribute("href");
    }

    void clickExport(String view) {
        click(byTestId("export-" + view));
    }

    boolean deniedShown() {
        return allByTestId("denied").stream().anyMatch(WebElement::isDisplayed);
    }

    String freshness() {
        return byTestId("freshness").getText().trim();
    }

    // --------------------------------------------------------------------------------------------- screenshots

    Path screenshot(String name) {
        try {
            Files.createDirectories(screenshots);
            Path target = screenshots.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
