package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import jp.vulnreport.support.Cases;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 検証 in a Japanese Tasklist: the CVSS base score and severity follow the vector as analyst1 types it
 * (the form's FEEL text, evaluated by form-js in the browser), and form-js's own messages are Japanese
 * (scripts/vulnreport/form-texts-ja.js).
 */
class VerificationFormBrowserTest extends BrowserTest {

  @Autowired Cases cases;
  @Autowired TaskService taskService;

  private String formText() {
    return driver.findElement(By.cssSelector(".fjs-container")).getText();
  }

  private WebElement field(String labelStart) {
    WebElement label = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//div[contains(@class,'fjs-container')]//label[starts-with(normalize-space(), '" + labelStart + "')]")));
    return driver.findElement(By.id(label.getAttribute("for")));
  }

  private void type(WebElement input, String text) {
    js("arguments[0].scrollIntoView({block: 'center'});", input);
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    input.sendKeys(text);
  }

  private void shows(String text) throws Exception {
    try {
      wait.until(d -> formText().contains(text));
    } catch (org.openqa.selenium.TimeoutException e) {
      shot("39-verification-failed");
      throw new AssertionError("the form does not show \"" + text + "\"; it shows:\n" + formText(), e);
    }
  }

  @Test
  void analystSeesTheScoreAsTheyTypeAndJapaneseFormMessages() throws Exception {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    cases.complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    cases.complete(pi, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT"));
    Task task = cases.task(pi);
    assertThat(task.getTaskDefinitionKey()).isEqualTo("Task_Verification");
    taskService.claim(task.getId(), "analyst1");

    startBrowser("ja");
    loginToTasklist("analyst1");
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(text(), 'グループのタスク')]")));
    String url = driver.getCurrentUrl();
    driver.get(url + (url.contains("?") ? "&" : "?") + "task=" + task.getId());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".fjs-container")));
    wait.until(d -> fieldValues().contains(pi.getBusinessKey()));
    WebElement vector = field("CVSS ベクトル");
    shows("CVSS ベクトルを入力すると");

    type(vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N");
    shows("基本値と深刻度（入力中のベクトルから計算）: 6.1 警告（MEDIUM）");
    type(vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    shows("10.0 緊急（CRITICAL）");
    type(vector, "CVSS:3.0/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N");
    shows("1.6 注意（LOW）");
    type(vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");
    shows("0.0 なし（NONE）");
    type(vector, "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
    shows("CVSS 4.0 の基本値は表から求めるため、タスクの完了時にサーバーで計算");

    // an incomplete vector: the preview and form-js's pattern message (in Japanese, with the pattern)
    type(vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H");
    shows("ベクトルの形式が正しくありません");
    WebElement versions = field("影響を受けるバージョン");
    js("arguments[0].scrollIntoView({block: 'center'});", versions);
    versions.click();
    shows("入力の形式が正しくありません（パターン: ^CVSS:3\\.[01]/AV:[NALP]");
    assertThat(formText()).doesNotContain("Field must match pattern");

    type(vector, "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    shows("基本値と深刻度（入力中のベクトルから計算）: 9.8 緊急（CRITICAL）");
    js("arguments[0].scrollIntoView({block: 'start'});", vector);
    shot("30-verification-cvss");
    if (Boolean.getBoolean("screenshots.docs")) {
      Path docs = Path.of("docs");
      Files.createDirectories(docs);
      Files.copy(SHOTS.resolve("30-verification-cvss.png"), docs.resolve("verification-cvss.png"),
        StandardCopyOption.REPLACE_EXISTING);
    }

    // completing with required fields empty: form-js's required message, in Japanese; the select's placeholder too
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//button[normalize-space()='完了']"))));
    shows("入力してください（必須項目です）。");
    shot("31-verification-required");
    assertThat(formText()).doesNotContain("Field is required.").doesNotContain("Select\n")
        .contains("選択してください");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
  }
}
