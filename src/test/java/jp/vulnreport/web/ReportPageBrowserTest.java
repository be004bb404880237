package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The discoverer's side in a Japanese browser: a report through the page with an attachment and
 * markup typed into every field; the formal-check task in Japanese Tasklist for receipt1, who asks
 * a question; the question on the discoverer's status page, answered there; the process resumes.
 * Screenshots of each step go to target/screenshots/page-*.png.
 */
class ReportPageBrowserTest extends BrowserTest {

  /** Markup that would set window.__xss if it were ever rendered as HTML. */
  static final String PAYLOAD = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script>";

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aReportFromThePageIsCheckedInTasklistAndTheQuestionAnsweredOnTheStatusPage() throws Exception {
    startBrowser("ja");
    driver.get(base() + "/report");
    shot("page-01-consent");
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("届出の前に");
    click(driver.findElement(By.cssSelector("input[name='category'][value='SOFTWARE_PRODUCT']")));
    click(driver.findElement(By.cssSelector("input[name='consent']")));
    driver.findElement(By.cssSelector("button[type='submit']")).click();

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reporterName")));
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("reporterName", "ブラウザ 太郎" + PAYLOAD);
    fields.put("reporterOrganization", "組織" + PAYLOAD);
    fields.put("reporterEmail", "taro.browser@example.jp");
    fields.put("productDeveloper", "ブラウザ試験株式会社" + PAYLOAD);
    fields.put("productName", "BrowserCMS" + PAYLOAD);
    fields.put("productVersions", "1.0" + PAYLOAD);
    fields.put("vulnType", "XSS" + PAYLOAD);
    fields.put("summary", "検索画面の反射型 XSS" + PAYLOAD);
    fields.put("details", "詳細" + PAYLOAD);
    fields.put("reproduction", "手順" + PAYLOAD);
    fields.put("environment", "環境" + PAYLOAD);
    fields.put("impact", "影響" + PAYLOAD);
    fields.put("workaround", "回避策" + PAYLOAD);
    fields.put("priorContactOthers", "なし" + PAYLOAD);
    fields.put("requests", "要望" + PAYLOAD);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      WebElement input = driver.findElement(By.id(f.getKey()));
      js("arguments[0].value = arguments[1];", input, f.getValue());
    }
    Path poc = Files.createTempFile("poc", ".html");
    Files.writeString(poc, "<html><body><script>alert(document.domain)</script></body></html>\n",
        StandardCharsets.UTF_8);
    driver.findElement(By.id("files")).sendKeys(poc.toAbsolutePath().toString());
    shot("page-02-form");
    click(driver.findElement(By.xpath("//button[normalize-space()='次へ']")));

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("submit-report")));
    shot("page-03-confirm");
    assertThat(js("return window.__xss")).as("markup in the confirmation is shown as text").isNull();
    assertThat(driver.findElement(By.tagName("main")).getText()).contains("検索画面の反射型 XSS" + PAYLOAD,
        poc.getFileName().toString());
    driver.findElement(By.id("submit-report")).click();

    String trackingNumber = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-number")))
        .getText();
    String statusUrl = driver.findElement(By.id("status-link")).getAttribute("href");
    shot("page-04-thanks");
    assertThat(trackingNumber).matches("IPA-\\d{4}-\\d{5}");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_attachment WHERE tracking_number = ?", Integer.class,
        trackingNumber)).isEqualTo(1);

    ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber)
        .singleResult();
    runJobs(pi);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_FormalCheck");

    // receipt1 in Japanese Tasklist: the report is there, the typed markup only as text
    loginToTasklist("receipt1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]"))).click();
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//*[contains(@class, 'tasks-list')]//*[contains(text(), '" + trackingNumber + "')]"))));
    wait.until(d -> fieldValues().contains(trackingNumber));
    shot("page-05-tasklist-formal-check");
    List<String> values = fieldValues();
    assertThat(values).contains("BrowserCMS" + PAYLOAD, "検索画面の反射型 XSS" + PAYLOAD, "詳細" + PAYLOAD);
    assertThat(values).anyMatch(v -> v.contains(poc.getFileName().toString() + " (text/plain"));
    assertThat(js("return window.__xss")).as("markup in the Tasklist form is shown as text").isNull();

    By claim = By.xpath("//*[self::a or self::button][normalize-space()='担当する']");
    click(wait.until(ExpectedConditions.elementToBeClickable(claim)));
    // claiming reloads the form: wait for it before filling it in
    wait.until(ExpectedConditions.invisibilityOfElementLocated(claim));
    wait.until(d -> fieldValues().contains(trackingNumber));
    click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//label[contains(., '発見者への確認が必要')]"))));
    WebElement questions = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//label[contains(., '発見者への質問')]/following::textarea[1]")));
    js("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", questions);
    questions.sendKeys("再現に使ったブラウザのバージョンを教えてください。");
    // form-js takes typed text into its state after a short debounce
    Thread.sleep(1000);
    shot("page-06-question");
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完了']"))));
    try {
      wait.withTimeout(Duration.ofSeconds(30)).until(d -> tasks.createTaskQuery().processInstanceId(pi.getId())
          .taskDefinitionKey("Task_FormalCheck").count() == 0);
    } finally {
      shot("page-06b-completed");
    }
    runJobs(pi);
    assertThat(task(pi).getTaskDefinitionKey()).isEqualTo("Task_AwaitClarification");

    // the discoverer sees the question on the status page and answers there
    driver.get(statusUrl);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("answer")));
    assertThat(driver.findElement(By.id("case-state")).getText()).contains("ご質問をお送りしました");
    assertThat(driver.findElement(By.cssSelector(".question-text")).getText())
        .isEqualTo("再現に使ったブラウザのバージョンを教えてください。");
    assertThat(driver.findElement(By.id("case-summary")).getText()).isEqualTo("検索画面の反射型 XSS" + PAYLOAD);
    assertThat(js("return window.__xss")).as("markup on the status page is shown as text").isNull();
    shot("page-07-status-question");
    driver.findElement(By.id("answer")).sendKeys("Chrome 130 と Firefox 132 で再現しました。");
    driver.findElement(By.xpath("//button[normalize-space()='回答する']")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")));
    shot("page-08-status-answered");
    assertThat(driver.findElement(By.cssSelector(".notice")).getText()).contains("ご回答を受け付けました");
    assertThat(driver.findElement(By.cssSelector(".answer-text")).getText())
        .isEqualTo("Chrome 130 と Firefox 132 で再現しました。");

    // the process resumed: back to the formal check, with the answer
    runJobs(pi);
    Task again = task(pi);
    assertThat(again.getTaskDefinitionKey()).isEqualTo("Task_FormalCheck");
    assertThat(runtime.getVariable(pi.getId(), "clarificationAnswer"))
        .isEqualTo("Chrome 130 と Firefox 132 で再現しました。");
  }

  private void runJobs(ProcessInstance pi) {
    for (Job job; (job = management.createJobQuery().processInstanceId(pi.getId()).executable().list()
        .stream().filter(j -> j.getDuedate() == null).findFirst().orElse(null)) != null; ) {
      management.executeJob(job.getId());
    }
  }

  private Task task(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }
}
