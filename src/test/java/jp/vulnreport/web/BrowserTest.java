package jp.vulnreport.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * Headless Chromium against the running application. Needs Debian's {@code chromium} and
 * {@code chromium-driver} (.ci/run installs them); skipped without them. Screenshots go to
 * target/screenshots/.
 */
abstract class BrowserTest extends WebServerTest {

  static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target", "screenshots");

  WebDriver driver;
  WebDriverWait wait;

  @BeforeEach
  void needsBrowser() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
            + ". Enable it with: sudo apt-get install -y chromium chromium-driver fonts-noto-cjk");
    Files.createDirectories(SHOTS);
  }

  void startBrowser(String lang) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1400,1000", "--lang=" + lang, "--accept-lang=" + lang,
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", lang));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(60));
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  /** Logs in to Tasklist. */
  void loginToTasklist(String user) {
    driver.get(base() + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
  }

  /** The values of the Camunda Form's inputs and text areas. */
  @SuppressWarnings("unchecked")
  List<String> fieldValues() {
    return (List<String>) js("return Array.from(document.querySelectorAll('.fjs-container input, "
        + ".fjs-container textarea')).map(e => e.value);");
  }

  /** Clicks in the page's script: Tasklist's fixed footer can cover the bottom of the scrolled form. */
  void click(WebElement element) {
    js("arguments[0].scrollIntoView({block: 'center'});"
        + "const target = arguments[0].htmlFor ? document.getElementById(arguments[0].htmlFor) : arguments[0];"
        + "target.click();", element);
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  void shot(String name) throws IOException {
    Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
