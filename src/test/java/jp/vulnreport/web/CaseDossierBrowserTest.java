package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import jp.vulnreport.intake.AttachmentStore;
import jp.vulnreport.support.Cases;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 案件 tab in Tasklist (Japanese) for receipt, analysts, liaison and coordinators, an attachment downloaded
 * with the Tasklist session only, and the Cockpit deadline board with an overdue notice for managers.
 * Screenshots of the dossier and the board are copied to docs/.
 */
class CaseDossierBrowserTest extends BrowserTest {

  @Autowired Cases cases;
  @Autowired AttachmentStore attachments;
  @Autowired TransactionTemplate tx;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.camunda.bpm.engine.RuntimeService runtime;
  @Autowired org.camunda.bpm.engine.ManagementService management;
  @Autowired jp.vulnreport.coordination.PublicationDates publicationDates;

  private void attach(String tn) {
    tx.executeWithoutResult(s -> attachments.attach(tn, List.of(attachments.stage("poc.py",
        new ByteArrayInputStream("print('poc')\n".getBytes(StandardCharsets.UTF_8)), List.of()))));
  }

  /** Opens the task in Tasklist's group filter (the list shows its tracking number) and its 案件 tab. */
  private void openDossierTab(String user, Task task, String trackingNumber) {
    loginToTasklist(user);
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class, 'tasks-list')]//*[contains(text(), '" + trackingNumber + "')]")));
    String url = driver.getCurrentUrl();
    driver.get(url + (url.contains("?") ? "&" : "?") + "task=" + task.getId() + "&detailsTab=vulnreport-case-dossier");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space()='案件']"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector(".vr-dossier[data-tracking-number='" + trackingNumber + "'] [data-section='timeline']")));
  }

  private List<String> sections() {
    @SuppressWarnings("unchecked")
    List<String> s = (List<String>) js("return Array.from(document.querySelectorAll('.vr-dossier [data-section]'))"
        + ".map(e => e.getAttribute('data-section'));");
    return s;
  }

  @Test
  void staffSeeTheirCaseDossierInTasklistAndManagersTheDeadlineBoardInCockpit() throws Exception {
    // a report at the formal check (receipt) and one past verification (analysts, then liaison)
    ProcessInstance atFormalCheck = cases.atFormalCheck("report-product", n -> { });
    String receiptCase = atFormalCheck.getBusinessKey();
    attach(receiptCase);
    ProcessInstance verified = cases.atFormalCheck("report-product", n -> { });
    String govCase = verified.getBusinessKey();
    attach(govCase);
    cases.throughVerification(verified, "SUSPECTED");

    startBrowser("ja");
    openDossierTab("receipt1", cases.task(atFormalCheck), receiptCase);
    assertThat(sections()).contains("case", "reporter", "report", "attachments", "deadlines", "mails", "links", "timeline")
        .doesNotContain("governmentNotice");
    assertThat(driver.findElement(By.cssSelector(".vr-dossier")).getText()).contains("山田 花子", "受付通知", "形式確認中")
        .contains("<script>alert(1)</script>"); // the report's markup shown as text
    // one click downloads the attachment with the Tasklist session only (no other login)
    String href = driver.findElement(By.cssSelector("a.vr-download")).getAttribute("href");
    @SuppressWarnings("unchecked")
    List<Object> download = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done([r.status, "
            + "r.headers.get('content-type'), r.headers.get('x-content-type-options'), r.headers.get('content-disposition'), t])));",
        href);
    assertThat(download.get(0)).isEqualTo(200L);
    assertThat((String) download.get(1)).startsWith("application/octet-stream");
    assertThat(download.get(2)).isEqualTo("nosniff");
    assertThat((String) download.get(3)).startsWith("attachment");
    assertThat(download.get(4)).isEqualTo("print('poc')\n");
    shot("20-dossier-receipt");
    driver.quit();

    startBrowser("ja");
    Task recognition = taskService.createTaskQuery().processInstanceId(cases.government(govCase).getId()).singleResult();
    openDossierTab("analyst1", recognition, govCase); // the 認知 task lists its tracking number too
    assertThat(sections()).contains("report", "attachments", "verification", "deadlines", "timeline")
        .doesNotContain("reporter", "governmentNotice", "links");
    assertThat(driver.findElement(By.cssSelector(".vr-dossier")).getText()).contains("CVSS:3.1", "悪用の疑い")
        .doesNotContain("山田 花子");
    shot("21-dossier-analyst");
    driver.quit();

    cases.completeAs("analyst1", "analyst", cases.government(govCase), Map.of("recognitionDecision", "NOTIFIABLE"));
    startBrowser("ja");
    Task draft = taskService.createTaskQuery().processInstanceId(cases.government(govCase).getId()).singleResult();
    openDossierTab("liaison1", draft, govCase);
    assertThat(sections()).contains("governmentNotice", "deadlines", "mails", "timeline")
        .doesNotContain("reporter", "attachments", "report", "links");
    assertThat(driver.findElement(By.cssSelector("[data-section='governmentNotice']")).getText())
        .contains("通知対象（内閣府への通知の作成・承認・送信を待っています）", "analyst1", "残り");
    assertThat(driver.findElement(By.cssSelector(".vr-dossier")).getText()).doesNotContain("hanako.yamada@example.jp");
    shot("22-dossier-liaison");
    driver.quit();

    // coordinators: the report, its files and the private links, not the discoverer's contact nor the notice
    ProcessInstance coordination = cases.atDeveloperIdentification();
    String coordinationCase = coordination.getBusinessKey();
    startBrowser("ja");
    openDossierTab("coordinator1", cases.task(coordination), coordinationCase);
    assertThat(sections()).contains("case", "report", "attachments", "deadlines", "links", "timeline")
        .doesNotContain("reporter", "governmentNotice");
    assertThat(driver.findElement(By.cssSelector(".vr-dossier")).getText()).contains("製品開発者の特定中")
        .doesNotContain("hanako.yamada@example.jp");
    shot("24-dossier-coordinator");
    driver.quit();

    // the notice's deadline passed three hours ago (the register's row, as the clock would have it)
    jdbc.update("UPDATE vr_government_notification SET deadline_at = DATEADD('HOUR', -3, CURRENT_TIMESTAMP) "
        + "WHERE tracking_number = ?", govCase);
    startBrowser("ja");
    driver.get(base() + "/camunda/app/cockpit/default/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model='username']")))
        .sendKeys("manager1");
    driver.findElement(By.cssSelector("input[type='password']")).sendKeys("demo");
    driver.findElement(By.cssSelector("button[type='submit']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
        "//*[contains(@class, 'vr-board')]//tr[.//a[normalize-space()='" + govCase + "']][.//*[contains(@class, 'vr-overdue')]]")));
    String row = driver.findElement(By.xpath("//*[contains(@class, 'vr-board')]//tr[.//a[normalize-space()='" + govCase
        + "']][.//*[contains(@class, 'vr-overdue')]]")).getText();
    assertThat(row).contains("内閣府への通知（速やかに）", "超過");
    js("document.querySelector('.vr-deadline-board').scrollIntoView({block: 'start'});");
    shot("23-deadline-board");
    // a row opens the case's dossier
    driver.findElement(By.xpath("//*[contains(@class, 'vr-board')]//a[normalize-space()='" + govCase + "']")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".vr-overlay [data-section='governmentNotice']")));
    shot("24-board-dossier");
    // Cockpit's human-tasks view opens for managers without an authorization error
    driver.get(base() + "/camunda/app/cockpit/default/#/tasks");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-header], .ctn-header, header")));
    Thread.sleep(3000);
    shot("25-cockpit-tasks");
    assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger, .page-notifications .alert-danger"))
        .stream().map(e -> e.getText()).filter(t -> !t.isBlank()).toList()).as("Cockpit errors").isEmpty();

    // the README's pictures are refreshed on request only (-Dscreenshots.docs=true), so a test run leaves the tree clean
    if (!Boolean.getBoolean("screenshots.docs")) {
      return;
    }
    Path docs = Path.of("docs");
    Files.createDirectories(docs);
    Files.copy(SHOTS.resolve("20-dossier-receipt.png"), docs.resolve("case-dossier.png"), StandardCopyOption.REPLACE_EXISTING);
    Files.copy(SHOTS.resolve("23-deadline-board.png"), docs.resolve("deadline-board.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** A developer's own report published with a CVE ID, by the services (the shortest path to publication). */
  private String publishedWithCve(String cveId) {
    ProcessInstance receipt = cases.atFormalCheck("report-self", n -> { });
    String tn = receipt.getBusinessKey();
    cases.throughVerification(receipt, "NONE");
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    cases.runJobs(receipt.getId());
    ProcessInstance coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(tn).singleResult();
    cases.runJobs(coordination.getId());
    // a coordinator confirms the reporting developer (its address verified by phone)
    cases.completeAs("coordinator1", "coordination", coordination, "Task_ConfirmSelfReporter",
        Map.of("selfReportDecision", "CONFIRM_REGISTERED", "selfReportContactVerified", true));
    cases.runJobs(coordination.getId());
    cases.completeAs("coordinator1", "coordination", coordination, "Task_SetPublicationDate",
        Map.of("publicationDate", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(20).toString()));
    cases.runJobs(coordination.getId());
    publicationDates.answer(tn, "sample-soft", true, null, null, "sample-soft");
    cases.runJobs(coordination.getId());
    Map<String, Object> texts = new java.util.HashMap<>();
    texts.put("advisoryTitleJa", "SampleCMS におけるパストラバーサルの脆弱性");
    texts.put("advisoryTitleEn", "Path traversal in SampleCMS");
    texts.put("advisoryOverviewJa", "SampleCMS のファイル取得 API には、パストラバーサルの脆弱性があります。");
    texts.put("advisoryOverviewEn", "The file API of SampleCMS has a path traversal vulnerability.");
    texts.put("advisoryImpactJa", "サーバ上の任意のファイルを読み取られる可能性があります。");
    texts.put("advisoryImpactEn", "Any file on the server may be read.");
    texts.put("advisorySolutionJa", "最新版へアップデートしてください。");
    texts.put("advisorySolutionEn", "Update to the latest version.");
    texts.put("cveIds", cveId);
    cases.completeAs("coordinator1", "coordination", coordination, "Task_DraftAdvisory", texts);
    management.executeJob(management.createJobQuery().processInstanceId(coordination.getId())
        .activityId("Event_PublicationDay").singleResult().getId());
    cases.runJobs(coordination.getId());
    cases.runJobs(receipt.getId());
    return tn;
  }

  @Test
  void aCoordinatorDownloadsThePublishedCaseCveRecordFromItsDossierInTheCaseList() throws Exception {
    String tn = publishedWithCve("CVE-2026-30002");
    startBrowser("ja");
    loginToTasklist("coordinator1");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("a.vr-case-list-link"))).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".vr-case-search input[name='q']")))
        .sendKeys(tn);
    driver.findElement(By.cssSelector(".vr-case-search button[type='submit']")).click();
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(@class, 'vr-open-case')][normalize-space()='"
        + tn + "']"))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        ".vr-dossier[data-tracking-number='" + tn + "'] [data-section='advisory'] a.vr-cve-record")));
    String text = driver.findElement(By.cssSelector("[data-section='advisory']")).getText();
    assertThat(text).contains("公表（JVN）", "JVN#", "公表済み", "CVE-2026-30002", "版 1").doesNotContain("PUBLISHED");
    assertThat(text).containsPattern("公表日\\s*\\d{4}-\\d{2}-\\d{2}");
    js("document.querySelector(\"[data-section='advisory']\").scrollIntoView({block: 'start'});");
    shot("26-dossier-advisory");
    // the link downloads the CVE record with the Tasklist session only
    String href = driver.findElement(By.cssSelector("[data-section='advisory'] a.vr-cve-record")).getAttribute("href");
    @SuppressWarnings("unchecked")
    List<Object> download = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.text().then(t => done([r.status, "
            + "r.headers.get('content-disposition'), t])));", href);
    assertThat(download.get(0)).isEqualTo(200L);
    assertThat((String) download.get(1)).startsWith("attachment").contains("CVE-2026-30002.json");
    assertThat((String) download.get(2)).contains("cveMetadata", "CVE-2026-30002", "containers");
  }
}
