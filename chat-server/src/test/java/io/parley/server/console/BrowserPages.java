package io.parley.server.console;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium for the browser tests of the console and the widget, and the waits they share: it
 * starts the browser (skipping loudly without it, failing with {@code CI=true}), waits for a page's module to be
 * ready, for an element or a stored message, and keeps screenshots in {@code target/console-screenshots}.
 */
final class BrowserPages {
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver browser;

    private BrowserPages(ChromeDriver browser) {
        this.browser = browser;
    }

    /** Starts Chromium for the named test class, or skips it (loudly) when Chromium is not installed. */
    static BrowserPages start(String testName) throws IOException {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (!installed && !ci) {
            System.err.println("\n*** SKIPPED: " + testName + " — " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing, so the console and the widget were NOT tested in a browser."
                    + " Install them (apt-get install chromium chromium-driver) to run it. ***\n");
        }
        Assumptions.assumeTrue(installed || ci, "chromium/chromedriver not installed");
        assertThat(installed).as("CI=true: Chromium and chromedriver must be installed (.ci/run installs them)")
                .isTrue();
        Files.createDirectories(SCREENSHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        return new BrowserPages(new ChromeDriver(service, options));
    }

    void quit() {
        browser.quit();
    }

    /** Until the page's module has run and wired its controls (it marks {@code body[data-ready]}). */
    void ready() {
        waitFor(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")) ? true : null);
    }

    WebElement visible(By by) {
        return waitFor(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits for a condition; on a timeout keeps a screenshot and adds the page's console log to the failure. */
    <T> T waitFor(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(browser, WAIT).until(condition);
        } catch (TimeoutException e) {
            try {
                screenshot("failure");
            } catch (IOException | RuntimeException ignored) {
                // The failure below says what matters.
            }
            throw new AssertionError(e.getMessage() + "\nbrowser console: " + consoleLog(), e);
        }
    }

    /** Waits for a stored message (one with a seq) of this text on the current page. */
    void waitForStored(String content) {
        waitFor(d -> d.findElements(By.cssSelector(".message[data-seq] .content")).stream()
                .anyMatch(e -> e.getText().equals(content)) ? true : null);
    }

    Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** The page's errors (SEVERE entries of the browser log). */
    List<String> consoleErrors() {
        try {
            return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                    .map(LogEntry::getMessage)
                    .toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private List<String> consoleLog() {
        try {
            return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    Path screenshot(String name) throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }
}
