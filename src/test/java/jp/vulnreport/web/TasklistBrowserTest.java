package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Tasklist round trip in headless Chromium: a report sent to the API, receipt1 logs in, opens the
 * formal-check task, sees the report in the form, claims and completes it. Needs Debian's
 * {@code chromium} and {@code chromium-driver} (.ci/run installs them); skipped without them.
 * Screenshots of each step go to target/screenshots/.
 */
class TasklistBrowserTest extends WebServerTest {

  static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  static final Path SHOTS = Path.of("target", "screenshots");

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired ObjectMapper mapper;

  WebDriver driver;

  @BeforeEach
  void needsBrowser() throws IOException {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser test skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
            + ". Enable it with: sudo apt-get install -y chromium chromium-driver fonts-noto-cjk");
    Files.createDirectories(SHOTS);
  }

  private void startBrowser(String lang) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--window-size=1400,1000", "--lang=" + lang, "--accept-lang=" + lang,
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", lang));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterEach
  void stopBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void tasklistSpeaksJapaneseByDefault() throws Exception {
    startBrowser("ja");
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.get(base() + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("receipt1");
    driver.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    try {
      wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space()='プロセスを開始']")));
    } finally {
      shot("10-tasklist-ja");
    }
    assertThat(driver.findElements(By.xpath("//*[normalize-space()='Start process']"))).isEmpty();
  }

  @Test
  void receiptStaffCompletesTheFormalCheckInTasklist() throws Exception {
    startBrowser("en-US");
    String trackingNumber = submitProductReport();
    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult();
    for (Job job; (job = management.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .stream().findFirst().orElse(null)) != null; ) {
      management.executeJob(job.getId());
    }
    Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_FormalCheck");

    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
    driver.get(base() + "/camunda/app/tasklist/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("receipt1");
    driver.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    shot("01-login");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]"))).click();
    shot("02a-filters");
    WebElement listed = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class, 'tasks-list')]//*[normalize-space(text())='形式確認']")));
    // the filter shows each task's tracking number and summary in the list
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class, 'tasks-list')]//*[contains(text(), '" + trackingNumber + "')]")));
    shot("02-task-list");
    listed.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(d -> fieldValues().contains(trackingNumber));
    List<String> values = fieldValues();
    assertThat(values).contains(trackingNumber, "SampleCMS", "サンプルソフト株式会社",
        "管理画面の検索機能に格納型クロスサイトスクリプティングの脆弱性");
    // the reporter's markup is shown as text, not run
    assertThat(values).anyMatch(v -> v.contains("<script>alert(1)</script>"));
    shot("03-form");

    WebElement claim = wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[self::a or self::button][normalize-space()='Claim']")));
    claim.click();
    shot("04a-claimed");
    click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//label[contains(., '記入内容は十分（内容確認へ）')]"))));
    shot("04-claimed-and-filled");
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='Complete']"))));

    wait.withTimeout(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
    shot("05-completed");
    Task next = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo("Task_SubstantiveCheck");
    assertThat(runtime.getVariable(pi.getId(), "formalCheckOutcome")).isEqualTo("COMPLETE");

    // the next task's form renders too (form-js refuses some schemas only in the browser)
    driver.navigate().refresh();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class, 'tasks-list')]//*[normalize-space(text())='内容確認']"))).click();
    wait.until(d -> fieldValues().contains(trackingNumber));
    shot("06-substantive-check");
    assertThat(driver.findElements(By.cssSelector(".alert-danger")).stream().map(WebElement::getText)
        .filter(t -> !t.isBlank()).toList()).as("form errors").isEmpty();
    assertThat(fieldValues()).anyMatch(v -> v.contains("既存案件はありません") || v.contains("IPA-"));
  }

  private String submitProductReport() throws Exception {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/examples/report-product.json")) {
      body = in.readAllBytes();
    }
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/api/reports")).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(201);
    return mapper.readTree(response.body()).get("trackingNumber").asText();
  }

  @SuppressWarnings("unchecked")
  private List<String> fieldValues() {
    return (List<String>) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "return Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))"
            + ".map(e => e.value);");
  }

  /** Clicks in the page's script: Tasklist's fixed footer can cover the bottom of the scrolled form. */
  private void click(WebElement element) {
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
        "arguments[0].scrollIntoView({block: 'center'});"
            + "const target = arguments[0].htmlFor ? document.getElementById(arguments[0].htmlFor) : arguments[0];"
            + "target.click();", element);
  }

  private void shot(String name) throws IOException {
    Path file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }
}
