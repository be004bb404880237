package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.support.Cases;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two forms in Tasklist (Japanese), worked through the form as staff do: 製品開発者の特定 (a developer
 * picked from the registry's list by typing part of its name) and 通知の確認・承認 (the notice text and
 * the CSAF document shown, approved). Screenshots are copied to docs/.
 */
class CoordinationFormsBrowserTest extends BrowserTest {

  @Autowired Cases cases;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired GovernmentNotices notices;

  /** Logs in, lists the group's tasks (the case is listed) and opens {@code task}. */
  private void openTask(String user, Task task, String trackingNumber) {
    loginToTasklist(user);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class, 'tasks-list')]//*[contains(text(), '" + trackingNumber + "')]")));
    String url = driver.getCurrentUrl();
    driver.get(url + (url.contains("?") ? "&" : "?") + "task=" + task.getId());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(d -> fieldValues().contains(trackingNumber));
  }

  private void claim(Task task, String user) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[self::a or self::button][normalize-space()='担当する']"))));
    wait.until(d -> user.equals(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()));
  }

  private void completeAndWait(Task task) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完了']"))));
    wait.withTimeout(Duration.ofSeconds(30)).until(d -> {
      // read in one script: Tasklist re-renders the page while the task goes (no stale elements)
      @SuppressWarnings("unchecked")
      List<String> errors = ((List<String>) js("return Array.from(document.querySelectorAll("
          + "'.alert-danger, .fjs-form-field-error')).filter(e => e.offsetParent !== null)"
          + ".map(e => e.innerText.replace(/×|Close|閉じる/g, '').trim());")).stream()
          .filter(t -> t != null && !t.isBlank()).toList();
      if (!errors.isEmpty()) {
        throw new AssertionError("Tasklist refused the completion: " + errors);
      }
      return tasks.createTaskQuery().taskId(task.getId()).count() == 0;
    });
  }

  /** The README's pictures are refreshed on request only (-Dscreenshots.docs=true), so a test run leaves the tree clean. */
  private static void toDocs(String shot, String name) throws Exception {
    if (!Boolean.getBoolean("screenshots.docs")) {
      return;
    }
    Path docs = Path.of("docs");
    Files.createDirectories(docs);
    Files.copy(SHOTS.resolve(shot + ".png"), docs.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void aCoordinatorPicksADeveloperFromTheRegistryByPartOfItsName() throws Exception {
    ProcessInstance coordination = cases.atDeveloperIdentification();
    String tn = coordination.getBusinessKey();
    Task identify = cases.task(coordination);
    assertThat(identify.getTaskDefinitionKey()).isEqualTo("Task_IdentifyDevelopers");

    startBrowser("ja");
    openTask("coordinator1", identify, tn);
    claim(identify, "coordinator1");
    // low impact may be preset from triage: this case is to be published
    WebElement lowImpact = driver.findElement(By.xpath("//label[contains(., '影響が小さい: ')]"));
    if (Boolean.TRUE.equals(js("return document.getElementById(arguments[0].htmlFor).checked;", lowImpact))) {
      click(lowImpact);
    }
    WebElement search = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-taglist input")));
    js("arguments[0].scrollIntoView({block: 'center'});", search);
    search.click();
    search.sendKeys("架空情報");
    String label = "架空情報システム株式会社 — pkg:maven/jp.example.kakuu/machinavi-portal";
    WebElement option = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//*[contains(@class, 'fjs-dropdownlist-item')][starts-with(normalize-space(), '" + label + "')]")));
    // typing filtered the list: the other developers are not offered
    assertThat(driver.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList())
        .allMatch(t -> t.contains("架空情報"));
    shot("30-identify-developers-search");
    option.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class, 'fjs-taglist-tag')][contains(., '架空情報システム株式会社')]")));
    js("document.querySelector('.fjs-taglist').scrollIntoView({block: 'center'});");
    shot("31-identify-developers-chosen");
    completeAndWait(identify);
    cases.runJobs(coordination.getId());

    assertThat(runtime.getVariable(coordination.getId(), "developerIds")).isEqualTo(List.of("kakuu-joho"));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("DeveloperCoordination")
        .processInstanceBusinessKey(tn).variableValueEquals("developerId", "kakuu-joho").count()).isEqualTo(1);
    toDocs("30-identify-developers-search", "identify-developers.png");
  }

  @Test
  void theSecondLiaisonOfficerSeesTheNoticeAndItsCsafAndApprovesItInTasklist() throws Exception {
    ProcessInstance receipt = cases.atFormalCheck("report-product", n -> { });
    String tn = receipt.getBusinessKey();
    cases.throughVerification(receipt, "SUSPECTED");
    ProcessInstance gov = cases.government(tn);
    cases.completeAs("analyst1", "analyst", gov, Map.of("recognitionDecision", "NOTIFIABLE"));
    Task drafting = cases.task(gov);
    assertThat(drafting.getTaskDefinitionKey()).isEqualTo("Task_DraftNotice");
    Map<String, Object> draft = new HashMap<>();
    draft.put("tlp", "AMBER");
    draft.put("vendorContactEmail", "psirt@example.co.jp");
    draft.put("noticeText", tasks.getVariable(drafting.getId(), "noticeText"));
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", draft);
    Task review = cases.task(gov);
    assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewNotice");
    String noticeText = tasks.getVariable(review.getId(), "noticeText").toString();

    startBrowser("ja");
    openTask("liaison2", review, tn);
    List<String> values = fieldValues();
    // the notice text exactly as it will be sent, and the CSAF document with the case's tracking id
    assertThat(values).contains(noticeText);
    assertThat(values).anyMatch(v -> v.contains("\"csaf_version\"") && v.contains("\"tracking\"") && v.contains(tn));
    assertThat(values).anyMatch(v -> v.contains("通知の根拠"));
    assertThat(values).anyMatch(v -> v.contains("（JST）まで"));
    claim(review, "liaison2");
    js("const t = Array.from(document.querySelectorAll('.fjs-container label'))"
        + ".find(l => l.textContent.includes('通知メールの本文')); t.scrollIntoView({block: 'start'});"
        + "window.scrollBy(0, -80);");
    shot("32-notice-approval");
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[contains(., '承認して送信')]"))));
    completeAndWait(review);

    assertThat(notices.get(tn).approvedBy()).isEqualTo("liaison2");
    toDocs("32-notice-approval", "notice-approval.png");
  }
}
