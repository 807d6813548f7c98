package org.fupin.e2e;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The system's Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven headless through Selenium: the
 * driver and the browser are the installed ones, given by path, so Selenium Manager never downloads anything. Overridable
 * with {@code FUPIN_CHROMIUM} and {@code FUPIN_CHROMEDRIVER}. Downloads go to a directory of the caller's.
 */
final class HeadlessChromium {

    static final String INSTALL_HINT = "sudo apt-get install -y chromium chromium-driver fonts-noto-cjk"
            + " (./fupin test installs them when run as root)";

    private HeadlessChromium() {
    }

    /** The browser binary, if installed. */
    static Optional<Path> browser() {
        return firstExecutable(System.getenv("FUPIN_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/lib/chromium/chromium");
    }

    /** The chromedriver binary, if installed. */
    static Optional<Path> driver() {
        return firstExecutable(System.getenv("FUPIN_CHROMEDRIVER"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    }

    private static Optional<Path> firstExecutable(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts a headless Chromium, window 1600×1000, Chinese UI language, downloads into {@code downloads} without asking.
     *
     * @param log chromedriver's log file
     */
    static ChromeDriver start(Path browser, Path driver, Path downloads, Path log) {
        try {
            Files.createDirectories(downloads);
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments("--headless=new", "--window-size=1600,1000", "--lang=zh-CN", "--no-sandbox",
                "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-search-engine-choice-screen", "--password-store=basic");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        prefs.put("download.directory_upgrade", true);
        prefs.put("safebrowsing.enabled", false);
        prefs.put("intl.accept_languages", "zh-CN,zh");
        options.setExperimentalOption("prefs", prefs);
        options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile())
                .usingAnyFreePort()
                .withLogFile(log.toFile())
                .withReadableTimestamp(true)
                .build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(120));
        chrome.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return chrome;
    }
}
