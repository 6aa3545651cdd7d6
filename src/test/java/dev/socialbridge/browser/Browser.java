package dev.socialbridge.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven by Selenium through Debian's chromedriver (installed by
 * {@code scripts/browser-up.sh}; nothing is downloaded). Each instance has its own empty profile, so cookies
 * (an RT session) never leak between the users a test logs in as.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(env("SOCIALBRIDGE_TEST_CHROMIUM", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(env("SOCIALBRIDGE_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Path profile;
    private final ChromeDriver driver;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** A fresh headless browser with a 1366×1300 window; fails with the fix when Chromium is not installed. */
    public static Browser open() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium or chromedriver missing (" + CHROMIUM + ", " + CHROMEDRIVER + "): run scripts/browser-up.sh");
        }
        Path profile = Files.createTempDirectory("sb-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // the closed network here refuses Chromium's background connections: turn them off
        options.addArguments(List.of("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1366,1300", "--lang=en-US",
                "--user-data-dir=" + profile));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return new Browser(profile, driver);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Logs into RT through its own login form and waits for the logged-in page. */
    public void loginToRt(String rtUrl, String user, String password) {
        driver.get(rtUrl + "/NoAuth/Login.html");
        driver.findElement(By.name("user")).sendKeys(user);
        WebElement pass = driver.findElement(By.name("pass"));
        pass.sendKeys(password + org.openqa.selenium.Keys.ENTER);
        // RT answers the login POST with a page of its own; the session is what counts: open RT's home with it
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.stalenessOf(pass));
        driver.get(rtUrl + "/");
        try {
            new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".current-user")));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("RT login as " + user + " did not succeed; page " + driver.getCurrentUrl() + " says: "
                    + driver.findElement(By.tagName("body")).getText().lines().limit(15).toList(), e);
        }
    }

    public void get(String url) {
        driver.get(url);
    }

    public WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Saves a PNG of the window to {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("sbtest.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
