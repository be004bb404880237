package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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

/**
 * A Tasklist round trip in headless Chromium: a report sent to the API, receipt1 logs in, opens the
 * formal-check task, sees the report in the form, claims and completes it.
 */
class TasklistBrowserTest extends BrowserTest {

  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired TaskService tasks;
  @Autowired ObjectMapper mapper;

  @Test
  void tasklistSpeaksJapaneseByDefault() throws Exception {
    startBrowser("ja");
    loginToTasklist("receipt1");
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
}
