package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import jp.vulnreport.Sha256;
import jp.vulnreport.cases.ProcessText;
import jp.vulnreport.intake.AttachmentProperties;
import jp.vulnreport.support.Http;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public report page, the status page and the private links over real HTTP. */
class PublicPagesTest extends WebServerTest {

  static final Pattern TRACKING = Pattern.compile("id=\"tracking-number\"[^>]*>(IPA-\\d{4}-\\d{5})<");
  static final Pattern STATUS_LINK = Pattern.compile("id=\"status-link\" href=\"([^\"]+)\"");

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;
  @Autowired AttachmentProperties attachmentProperties;
  @Autowired ObjectMapper mapper;
  @Autowired jp.vulnreport.cases.CaseRegister register;
  @Autowired org.camunda.bpm.engine.RepositoryService repository;
  @Autowired org.camunda.bpm.engine.TaskService tasks;
  @Autowired org.camunda.bpm.engine.ManagementService management;

  @Test
  void aReportThroughThePageWithAttachmentsBecomesACase() throws Exception {
    PageClient page = new PageClient(base());
    HttpResponse<String> consent = page.get("/report");
    assertThat(consent.statusCode()).isEqualTo(200);
    assertThat(consent.body()).contains("取扱方針に同意します", "lang=\"ja\"");
    assertThat(consent.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");

    HttpResponse<String> toForm = page.post("/report", Map.of("consent", "true", "category", "SOFTWARE_PRODUCT"));
    assertThat(toForm.statusCode()).isEqualTo(302);
    assertThat(toForm.headers().firstValue("Location").orElse("")).endsWith("/report/form");
    assertThat(page.follow(toForm).body()).contains("製品開発者", "添付ファイル");

    byte[] poc = "import requests\nrequests.post('https://page-cms.example.jp/comment', data={'c': '<script>'})\n"
        .getBytes(StandardCharsets.UTF_8);
    byte[] png = png();
    int casesBefore = count("vr_case");
    HttpResponse<String> toConfirm = page.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
        new PageClient.FilePart("files", "poc.py", "text/x-python", poc),
        new PageClient.FilePart("files", "画面.png", "image/png", png)));
    assertThat(toConfirm.statusCode()).as(toConfirm.body()).isEqualTo(302);
    HttpResponse<String> confirm = page.follow(toConfirm);
    assertThat(confirm.body()).contains("届出内容の確認", "PageCMS", "ページ試験ソフト株式会社", "poc.py", "画面.png",
        "hanako.page@example.jp");
    assertThat(count("vr_case")).as("nothing is filed before the confirmation").isEqualTo(casesBefore);

    HttpResponse<String> toThanks = page.post("/report/submit", Map.of());
    assertThat(toThanks.statusCode()).isEqualTo(302);
    HttpResponse<String> thanks = page.follow(toThanks);
    assertThat(thanks.body()).contains("届出を受け付けました");
    String tn = find(TRACKING, thanks.body());
    String statusUrl = find(STATUS_LINK, thanks.body());
    assertThat(statusUrl).matches("http://127\\.0\\.0\\.1:" + port + "/status/[A-Za-z0-9_-]{43}");

    // registered like an API report, through the page channel, with its files
    assertThat(jdbc.queryForMap("SELECT channel, category, state, product_name FROM vr_case WHERE tracking_number = ?",
        tn)).containsEntry("CHANNEL", "PAGE").containsEntry("CATEGORY", "SOFTWARE_PRODUCT")
        .containsEntry("PRODUCT_NAME", "PageCMS");
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).count()).isEqualTo(1);
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).singleResult().getId();
    assertThat((String) runtime.getVariable(pi, "attachments")).contains("poc.py (text/plain", "画面.png (image/png");
    List<Map<String, Object>> rows = jdbc.queryForList(
        "SELECT id, file_name, media_type, size_bytes, sha256, storage_key FROM vr_attachment WHERE tracking_number = ? "
            + "ORDER BY file_name", tn);
    assertThat(rows).extracting(r -> r.get("FILE_NAME")).containsExactly("poc.py", "画面.png");
    Path stored = attachmentProperties.dir().resolve((String) rows.get(0).get("STORAGE_KEY"));
    assertThat(Files.readAllBytes(stored)).isEqualTo(poc);
    assertThat(stored.getFileName().toString()).doesNotContain(".");
    assertThat(rows.get(1).get("SHA256")).isEqualTo(Sha256.hex(png));

    // a second click on "submit" files nothing more
    HttpResponse<String> again = page.post("/report/submit", Map.of());
    assertThat(again.headers().firstValue("Location").orElse("")).endsWith("/report");
    assertThat(count("vr_case")).isEqualTo(casesBefore + 1);

    // staff who work on cases download the files as opaque attachments; others may not
    String id = (String) rows.get(0).get("ID");
    HttpResponse<byte[]> download = staffGet("/api/cases/" + tn + "/attachments/" + id, "analyst1");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(poc);
    assertThat(download.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/octet-stream");
    assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");
    assertThat(download.headers().firstValue("X-Content-Type-Options").orElse("")).isEqualTo("nosniff");
    assertThat(staffGet("/api/cases/" + tn + "/attachments", "receipt1").statusCode()).isEqualTo(200);
    assertThat(staffGet("/api/cases/" + tn + "/attachments/" + id, "liaison1").statusCode()).isEqualTo(403);
    assertThat(staffGet("/api/cases/" + tn + "/attachments/" + id, null).statusCode()).isEqualTo(401);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_case_event WHERE tracking_number = ? AND event_type = "
        + "'ATTACHMENT_DOWNLOADED' AND actor = 'analyst1'", Integer.class, tn)).isEqualTo(1);
  }

  @Test
  void invalidFieldsAreShownNextToTheFieldsInThePageLanguageAndNothingIsStored() throws Exception {
    PageClient page = new PageClient(base());
    page.get("/report");
    HttpResponse<String> noConsent = page.post("/report", Map.of("category", "SOFTWARE_PRODUCT"));
    assertThat(noConsent.statusCode()).isEqualTo(400);
    assertThat(noConsent.body()).contains("id=\"error-consent\"", "取扱方針への同意が必要です");

    page.follow(page.post("/report", Map.of("consent", "true", "category", "SOFTWARE_PRODUCT")));
    int casesBefore = count("vr_case");
    Map<String, String> bad = new HashMap<>(PageClient.productReport());
    bad.put("reporterName", " ");
    bad.put("reporterEmail", "not-an-address");
    bad.put("discoveredOn", "2026-13-45");
    bad.put("cwe", "XSS");
    bad.put("productName", "");
    HttpResponse<String> ja = page.postMultipart("/report/form", bad, List.of());
    assertThat(ja.statusCode()).isEqualTo(400);
    assertThat(errorOf(ja.body(), "reporterName")).isNotBlank();
    assertThat(errorOf(ja.body(), "reporterEmail")).isNotBlank();
    assertThat(errorOf(ja.body(), "discoveredOn")).isEqualTo("日付は YYYY-MM-DD の形式で入力してください");
    assertThat(errorOf(ja.body(), "productName")).isNotBlank();
    assertThat(errorOf(ja.body(), "cwe")).isNotBlank();
    assertThat(ja.body()).contains("value=\"not-an-address\"",
        "value=\"2026-13-45\"", "5 件の誤りがあります");

    page.get("/report/form?lang=en");
    HttpResponse<String> en = page.postMultipart("/report/form", bad, List.of());
    assertThat(en.statusCode()).isEqualTo(400);
    assertThat(en.body()).contains("lang=\"en\"", "5 error(s)");
    assertThat(errorOf(en.body(), "discoveredOn")).isEqualTo("Enter the date as YYYY-MM-DD");
    assertThat(errorOf(en.body(), "reporterEmail")).contains("email address");

    HttpResponse<String> confirm = page.get("/report/confirm");
    assertThat(confirm.statusCode()).as("an invalid report cannot be confirmed").isEqualTo(302);
    assertThat(confirm.headers().firstValue("Location").orElse("")).endsWith("/report/form");
    page.get("/report/form");
    assertThat(page.post("/report/submit", Map.of()).headers().firstValue("Location").orElse(""))
        .endsWith("/report/form");
    assertThat(count("vr_case")).isEqualTo(casesBefore);
  }

  @Test
  void attachmentsOutsideTheLimitsAreRefusedAndNotKept() throws Exception {
    PageClient page = new PageClient(base());
    page.get("/report");
    page.follow(page.post("/report", Map.of("consent", "true", "category", "SOFTWARE_PRODUCT")));
    long stagedBefore = staged();
    Map<String, String> report = PageClient.productReport();

    HttpResponse<String> exe = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "tool.exe", "application/octet-stream", new byte[] {'M', 'Z', 1, 2})));
    assertThat(exe.statusCode()).isEqualTo(400);
    assertThat(errorOf(exe.body(), "attachments")).contains("tool.exe", "添付できない種類");

    HttpResponse<String> fake = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "shot.png", "image/png", "<html>not a png</html>".getBytes())));
    assertThat(errorOf(fake.body(), "attachments")).contains("shot.png", "一致しません");

    HttpResponse<String> big = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "big.log", "text/plain", "a".repeat(70 * 1024).getBytes())));
    assertThat(errorOf(big.body(), "attachments")).contains("big.log", "大きすぎます", "1 ファイル 64.0 KB まで");

    HttpResponse<String> many = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "1.txt", "text/plain", "one".getBytes()),
        new PageClient.FilePart("files", "2.txt", "text/plain", "two".getBytes()),
        new PageClient.FilePart("files", "3.txt", "text/plain", "three".getBytes()),
        new PageClient.FilePart("files", "4.txt", "text/plain", "four".getBytes())));
    assertThat(errorOf(many.body(), "attachments")).contains("3 個まで");
    assertThat(many.body()).contains("1.txt", "2.txt", "3.txt").doesNotContain("<span class=\"file-name\">4.txt");
    assertThat(staged() - stagedBefore).as("only the three accepted files are staged").isEqualTo(3);

    HttpResponse<String> tooLarge = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "huge.zip", "application/zip", new byte[3 * 1024 * 1024])));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("送信されたファイルが大きすぎます");
  }

  @Test
  void formsWithoutTheSessionTokenAreRefused() throws Exception {
    int casesBefore = count("vr_case");
    PageClient stranger = new PageClient(base());
    HttpResponse<String> noSession = stranger.post("/report", Map.of("consent", "true", "category", "WEBSITE"));
    assertThat(noSession.statusCode()).isEqualTo(403);

    PageClient page = new PageClient(base());
    page.get("/report");
    assertThat(page.post("/report", Map.of("consent", "true", "category", "WEBSITE", "_csrf", "forged"))
        .statusCode()).isEqualTo(403);
    HttpResponse<String> refused = page.post("/report/submit", Map.of("_csrf", ""));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("フォームの有効期限が切れたか");
    assertThat(page.post("/report", Map.of("consent", "true", "category", "WEBSITE")).statusCode()).isEqualTo(302);
    assertThat(count("vr_case")).isEqualTo(casesBefore);
  }

  @Test
  void tooManyRequestsFromOneAddressAreAnsweredWith429() throws Exception {
    PageClient client = new PageClient(base());
    for (int i = 0; i < REPORT_LIMIT; i++) {
      assertThat(client.postJson("/api/reports", "{}").statusCode()).as("request " + (i + 1)).isEqualTo(400);
    }
    HttpResponse<String> limited = client.postJson("/api/reports", "{}");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    JsonNode problem = mapper.readTree(limited.body());
    assertThat(problem.get("title").asText()).isEqualTo("Too many requests");
    assertThat(problem.get("retryAfterSeconds").asLong()).isPositive();
    // the page's submit step shares the report limit and says so in the page's language
    HttpResponse<String> page = client.post("/report/submit", Map.of());
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("しばらくお待ちください", "分後にもう一度お試しください");
    // another address is not affected
    assertThat(new PageClient(base()).postJson("/api/reports", "{}").statusCode()).isEqualTo(400);

    // status-link guessing runs into the public-page limit
    PageClient guesser = new PageClient(base());
    int status = 0;
    for (int i = 0; i <= PUBLIC_LIMIT && status != 429; i++) {
      status = guesser.get("/status/" + "x".repeat(43)).statusCode();
      if (i < PUBLIC_LIMIT) {
        assertThat(status).as("guess " + (i + 1)).isEqualTo(404);
      }
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  void theStatusPageShowsTheCaseInPlainWordsAndEveryUseOfTheLinkIsLogged() throws Exception {
    PageClient discoverer = new PageClient(base());
    JsonNode receipt = submitByApi(discoverer);
    String tn = receipt.get("trackingNumber").asText();
    String token = receipt.get("statusToken").asText();

    HttpResponse<String> status = discoverer.get("/status/" + token);
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body()).contains(tn, "届出を受け付けました。これから内容を確認します。", "受付日時", "(JST)",
        "現在、ご質問はありません。", "SampleCMS");
    // the developer is not named on the discoverer's page (coordination detail)
    assertThat(status.body()).doesNotContain("サンプルソフト株式会社");
    assertThat(status.headers().firstValue("Referrer-Policy").orElse("")).isEqualTo("no-referrer");
    assertThat(status.headers().firstValue("Cache-Control").orElse("")).isEqualTo("no-store");
    assertThat(discoverer.get("/status/" + token + "?lang=en").body()).contains("Your report has been received.");

    // wrong, revoked and expired links
    HttpResponse<String> unknown = discoverer.get("/status/" + token.substring(1) + "A");
    assertThat(unknown.statusCode()).isEqualTo(404);
    long linkId = mapper.readTree(staff("GET", "/api/cases/" + tn + "/links", "receipt1", null).body()).get(0)
        .get("id").asLong();
    assertThat(staff("GET", "/api/cases/" + tn + "/links", "analyst1", null).statusCode()).isEqualTo(403);
    HttpResponse<String> revoked = staff("POST", "/api/cases/" + tn + "/links/" + linkId + "/revocation", "receipt1",
        "{\"reason\":\"発見者から漏えいの連絡\"}");
    assertThat(revoked.statusCode()).isEqualTo(200);
    assertThat(mapper.readTree(revoked.body()).get("revokedBy").asText()).isEqualTo("receipt1");
    HttpResponse<String> refused = discoverer.get("/status/" + token + "?lang=ja");
    assertThat(refused.statusCode()).isEqualTo(410);
    assertThat(refused.body()).contains("このリンクは無効にされています").doesNotContain(tn);
    HttpResponse<String> apiRefused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(base() + "/api/reports/" + tn + "/replies")).header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token).header("X-Forwarded-For", discoverer.address())
        .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(apiRefused.statusCode()).isEqualTo(403);
    assertThat(mapper.readTree(apiRefused.body()).get("reason").asText()).isEqualTo("REVOKED");

    // staff send a new link: it arrives by mail and works; the old one stays revoked
    GREEN_MAIL.reset();
    HttpResponse<String> issued = staff("POST", "/api/cases/" + tn + "/links/discoverer", "receipt1",
        "{\"reason\":\"再発行\",\"revokeOthers\":true}");
    assertThat(issued.statusCode()).isEqualTo(201);
    MimeMessage[] mails = GREEN_MAIL.getReceivedMessages();
    assertThat(mails).hasSize(1);
    assertThat(mails[0].getAllRecipients()[0].toString()).contains("hanako.yamada@example.jp");
    String body = new String(mails[0].getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(mails[0].getSubject()).contains(tn, "状況確認ページ");
    Matcher m = Pattern.compile("http://127\\.0\\.0\\.1:8080/status/([A-Za-z0-9_-]{43})").matcher(body);
    assertThat(m.find()).as(body).isTrue();
    String newToken = m.group(1);
    assertThat(discoverer.get("/status/" + newToken).statusCode()).isEqualTo(200);

    // expiry: the link's time is up
    jdbc.update("UPDATE vr_private_link SET expires_at = ? WHERE token_hash = ?",
        java.time.OffsetDateTime.now().minusDays(1), Sha256.hex(newToken));
    HttpResponse<String> expired = discoverer.get("/status/" + newToken);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(expired.body()).contains("有効期限が切れています");

    // every use of a link is logged, refused ones too, with the client's network only
    List<Map<String, Object>> uses = jdbc.queryForList("SELECT u.action, u.outcome, u.client FROM vr_private_link_use u "
        + "JOIN vr_private_link l ON l.id = u.link_id WHERE l.tracking_number = ? ORDER BY u.id", tn);
    assertThat(uses).extracting(u -> u.get("ACTION") + " " + u.get("OUTCOME")).containsExactly(
        "VIEW OK", "VIEW OK", "VIEW REVOKED", "REPLY REVOKED", "VIEW OK", "VIEW EXPIRED");
    String network = discoverer.address().substring(0, discoverer.address().lastIndexOf('.')) + ".0/24";
    assertThat(uses).allSatisfy(u -> assertThat(u.get("CLIENT")).isEqualTo(network));
    HttpResponse<String> log = staff("GET", "/api/cases/" + tn + "/links/" + linkId + "/uses", "manager1", null);
    assertThat(mapper.readTree(log.body())).hasSize(4);
  }

  @Test
  void theStartDateAndThePublicationDateAppearOnceRecorded() throws Exception {
    PageClient discoverer = new PageClient(base());
    JsonNode receipt = submitByApi(discoverer);
    String tn = receipt.get("trackingNumber").asText();
    String path = "/status/" + receipt.get("statusToken").asText();
    assertThat(discoverer.get(path).body()).doesNotContain("起算日", "公表日");

    register.recordStartDate(tn, java.time.OffsetDateTime.parse("2026-12-01T10:15:00+09:00"), "coordinator1");
    assertThat(discoverer.get(path).body()).contains("起算日（製品開発者への最初の連絡）", "2026-12-01 10:15 (JST)")
        .doesNotContain("公表日");
    register.recordPublished(tn, java.time.OffsetDateTime.parse("2027-01-15T11:00:00+09:00"), "coordinator1");
    assertThat(discoverer.get(path + "?lang=en").body()).contains("Start date (first contact with the developer)",
        "Published", "2027-01-15 11:00 (JST)");
  }

  @Test
  void markupTypedIntoEveryFieldIsShownAsText() throws Exception {
    PageClient page = new PageClient(base());
    page.get("/report");
    page.follow(page.post("/report", Map.of("consent", "true", "category", "SOFTWARE_PRODUCT")));
    Map<String, String> report = new HashMap<>(PageClient.productReport());
    String payload = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    for (String field : List.of("reporterName", "reporterOrganization", "creditDisplayName", "productDeveloper",
        "productName", "productVersions", "vulnType", "summary", "details", "reproduction", "environment", "impact",
        "workaround", "priorContactOthers", "disclosureVenue", "requests")) {
      report.put(field, field + payload);
    }
    report.put("productUrl", "https://x.example/\"><img/src=x/onerror=alert(3)>");
    report.put("purl", "pkg:npm/x\"><img/src=x/onerror=alert(4)>");
    HttpResponse<String> toConfirm = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "<img src=x onerror=alert(5)>.txt", "text/plain", "poc".getBytes())));
    assertThat(toConfirm.statusCode()).as(toConfirm.body()).isEqualTo(302);
    String confirm = page.follow(toConfirm).body();
    assertThat(confirm).doesNotContain("<script>alert", "<img src=x", "<img/src=x")
        .contains("summary&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;",
            "&lt;img src=x onerror=alert(5)&gt;.txt");
    String thanks = page.follow(page.post("/report/submit", Map.of())).body();
    String statusPath = URI.create(find(STATUS_LINK, thanks)).getPath();
    String status = page.get(statusPath).body();
    assertThat(status).doesNotContain("<script>alert", "<img src=x", "<img/src=x")
        .contains("summary&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  // --- nothing a discoverer sends is lost; strict input on the page (issue 13)

  private static String japanese(int length) {
    StringBuilder sb = new StringBuilder();
    while (sb.length() < length) {
      sb.append("脆弱性の再現手順を詳しく説明します。\n");
    }
    return sb.substring(0, length);
  }

  /** A page client with its session at the report form. */
  private PageClient atForm() throws Exception {
    PageClient page = new PageClient(base());
    page.get("/report");
    page.follow(page.post("/report", Map.of("consent", "true", "category", "SOFTWARE_PRODUCT")));
    return page;
  }

  @Test
  void aLongJapaneseReportWithAnAttachmentIsFiledWhole() throws Exception {
    PageClient page = atForm();
    Map<String, String> report = new HashMap<>(PageClient.productReport());
    String details = japanese(20_000);
    String reproduction = japanese(20_000).replace('。', '．');
    report.put("details", details);
    report.put("reproduction", reproduction);
    report.put("impact", japanese(4_000));
    HttpResponse<String> toConfirm = page.postMultipart("/report/form", report, PageClient.files(
        new PageClient.FilePart("files", "poc.txt", "text/plain", "proof".getBytes(StandardCharsets.UTF_8))));
    assertThat(toConfirm.statusCode()).as(toConfirm.body()).isEqualTo(302);
    page.follow(toConfirm);
    HttpResponse<String> toThanks = page.post("/report/submit", Map.of());
    assertThat(toThanks.statusCode()).isEqualTo(302);
    String tn = find(TRACKING, page.follow(toThanks).body());
    JsonNode stored = mapper.readTree(jdbc.queryForObject("SELECT report_json FROM vr_case WHERE tracking_number = ?",
        String.class, tn));
    // the page keeps the text as typed (only surrounding white space is removed)
    assertThat(stored.at("/vulnerability/details").asText()).isEqualTo(details.strip());
    assertThat(stored.at("/vulnerability/reproduction").asText()).isEqualTo(reproduction.strip());
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn).singleResult().getId();
    assertThat((String) runtime.getVariable(pi, "details")).hasSizeLessThanOrEqualTo(ProcessText.MAX_VARIABLE_CHARS)
        .endsWith("文字は案件記録にあります / full text in the case record）");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_attachment WHERE tracking_number = ?", Integer.class, tn))
        .isEqualTo(1);

    PageClient over = atForm();
    Map<String, String> tooLong = new HashMap<>(PageClient.productReport());
    tooLong.put("details", "あ".repeat(20_001));
    int casesBefore = count("vr_case");
    HttpResponse<String> refused = over.postMultipart("/report/form", tooLong, List.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorOf(refused.body(), "details")).isNotBlank();
    assertThat(count("vr_case")).isEqualTo(casesBefore);
  }

  @Test
  void aServerErrorDuringTheSubmissionKeepsTheDraftAndItsFilesAndTheRetrySucceeds() throws Exception {
    PageClient page = atForm();
    byte[] poc = "print('poc')\n".getBytes(StandardCharsets.UTF_8);
    page.follow(page.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
        new PageClient.FilePart("files", "retry-poc.py", "text/x-python", poc))));
    long stagedBefore = staged();
    int casesBefore = count("vr_case");
    int reportersBefore = count("vr_reporter");
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    // the receipt process cannot start (suspended, e.g. during maintenance): the registration rolls back
    repository.suspendProcessDefinitionByKey("SoftwareVulnerabilityReport");
    HttpResponse<String> failed;
    try {
      failed = page.post("/report/submit", Map.of());
    } finally {
      repository.activateProcessDefinitionByKey("SoftwareVulnerabilityReport");
    }
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("id=\"submit-error\"", "入力内容と添付ファイルは失われていません",
        "retry-poc.py", "PageCMS");
    assertThat(count("vr_case")).isEqualTo(casesBefore);
    assertThat(count("vr_reporter")).isEqualTo(reportersBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
    assertThat(staged()).as("the staged file is back in staging").isEqualTo(stagedBefore);
    HttpResponse<String> confirm = page.get("/report/confirm");
    assertThat(confirm.statusCode()).as("the draft survived").isEqualTo(200);
    assertThat(confirm.body()).contains("retry-poc.py", "ページ試験ソフト株式会社");
    HttpResponse<String> en = page.get("/report/confirm?lang=en");
    assertThat(en.statusCode()).isEqualTo(200);

    HttpResponse<String> toThanks = page.post("/report/submit", Map.of());
    assertThat(toThanks.statusCode()).isEqualTo(302);
    String tn = find(TRACKING, page.follow(toThanks).body());
    String key = jdbc.queryForObject("SELECT storage_key FROM vr_attachment WHERE tracking_number = ? "
        + "AND file_name = 'retry-poc.py'", String.class, tn);
    assertThat(Files.readAllBytes(attachmentProperties.dir().resolve(key))).isEqualTo(poc);
    assertThat(staged()).isEqualTo(stagedBefore - 1);
  }

  @Test
  void theServerErrorMessageIsInEnglishOnTheEnglishPage() throws Exception {
    PageClient page = atForm();
    page.get("/report/form?lang=en");
    page.follow(page.postMultipart("/report/form", PageClient.productReport(), List.of()));
    repository.suspendProcessDefinitionByKey("SoftwareVulnerabilityReport");
    HttpResponse<String> failed;
    try {
      failed = page.post("/report/submit", Map.of());
    } finally {
      repository.activateProcessDefinitionByKey("SoftwareVulnerabilityReport");
    }
    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(failed.body()).contains("lang=\"en\"", "Nothing you entered was lost");
    assertThat(page.post("/report/submit", Map.of()).statusCode()).isEqualTo(302);
  }

  @Test
  void stagedFilesAreBoundedPerAddressAndInAll() throws Exception {
    emptyStaging();
    try {
      String address = "203.0.113.77";
      PageClient first = atForm(address);
      HttpResponse<String> ok = first.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
          new PageClient.FilePart("files", "a.log", "text/plain", bytes(60)),
          new PageClient.FilePart("files", "b.log", "text/plain", bytes(39))));
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(302);
      // a second draft from the same address: 99 + 50 KB fit in 150 KB, 2 KB more do not
      PageClient second = atForm(address);
      assertThat(second.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
          new PageClient.FilePart("files", "c.log", "text/plain", bytes(50)))).statusCode()).isEqualTo(302);
      long staged = staged();
      HttpResponse<String> quota = second.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
          new PageClient.FilePart("files", "d.log", "text/plain", bytes(2))));
      assertThat(quota.statusCode()).isEqualTo(400);
      assertThat(errorOf(quota.body(), "attachments")).contains("ネットワークアドレス", "150.0 KB");
      assertThat(staged()).isEqualTo(staged);

      // other addresses fill staging up to 300 KB in all
      PageClient other = atForm("203.0.113.78");
      assertThat(other.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
          new PageClient.FilePart("files", "e.log", "text/plain", bytes(60)),
          new PageClient.FilePart("files", "f.log", "text/plain", bytes(39)))).statusCode()).isEqualTo(302);
      PageClient third = atForm("203.0.113.79");
      third.get("/report/form?lang=en");
      assertThat(third.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
          new PageClient.FilePart("files", "g.log", "text/plain", bytes(50)))).statusCode()).isEqualTo(302);
      staged = staged();
      HttpResponse<String> full = third.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
          new PageClient.FilePart("files", "h.log", "text/plain", bytes(3))));
      assertThat(full.statusCode()).isEqualTo(400);
      assertThat(errorOf(full.body(), "attachments")).contains("cannot take more files");
      assertThat(staged()).isEqualTo(staged);
    } finally {
      emptyStaging();
    }
  }

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> badPageInputs() {
    return java.util.stream.Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("NUL in details", "details", "a\u0000b", "details"),
        org.junit.jupiter.params.provider.Arguments.of("ANSI escape in summary", "summary", "\u001b[31m赤", "summary"),
        org.junit.jupiter.params.provider.Arguments.of("C1 control in impact", "impact", "x\u009by", "impact"),
        org.junit.jupiter.params.provider.Arguments.of("line break in the name", "reporterName", "山田\r\n花子",
            "reporterName"),
        org.junit.jupiter.params.provider.Arguments.of("DEL in the product name", "productName", "x\u007f",
            "productName"),
        org.junit.jupiter.params.provider.Arguments.of("discovered in year 0", "discoveredOn", "0000-01-01",
            "discoveredOn"),
        org.junit.jupiter.params.provider.Arguments.of("disclosure before 1970", "disclosureDate", "1900-01-01",
            "disclosureDate"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "page: {0}")
  @org.junit.jupiter.params.provider.MethodSource("badPageInputs")
  void badInputOnThePageIsShownAtItsFieldAndNothingIsStored(String name, String field, String value, String shownAt)
      throws Exception {
    PageClient page = atForm();
    Map<String, String> report = new HashMap<>(PageClient.productReport());
    report.put(field, value);
    int casesBefore = count("vr_case");
    int reportersBefore = count("vr_reporter");
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    HttpResponse<String> refused = page.postMultipart("/report/form", report, List.of());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(errorOf(refused.body(), shownAt)).isNotBlank();
    assertThat(page.post("/report/submit", Map.of()).headers().firstValue("Location").orElse(""))
        .endsWith("/report/form");
    assertThat(count("vr_case")).isEqualTo(casesBefore);
    assertThat(count("vr_reporter")).isEqualTo(reportersBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void aNulInAnUploadedFileNameIsAFieldErrorNotAServerError() throws Exception {
    PageClient page = atForm();
    long stagedBefore = staged();
    HttpResponse<String> refused = page.postMultipart("/report/form", PageClient.productReport(), PageClient.files(
        new PageClient.FilePart("files", "poc\u0000.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))));
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("ファイルの名前に制御文字", "href=\"/report/form\"");
    assertThat(staged()).isEqualTo(stagedBefore);
    assertThat(page.get("/report/form").statusCode()).as("the session's draft is still there").isEqualTo(200);
  }

  @Test
  void theStatusPageTakesALongAnswerWholeAndRefusesControlCharacters() throws Exception {
    PageClient discoverer = new PageClient(base());
    JsonNode receipt = submitByApi(discoverer);
    String tn = receipt.get("trackingNumber").asText();
    String token = receipt.get("statusToken").asText();
    askQuestion(tn);

    discoverer.get("/status/" + token);
    HttpResponse<String> bad = discoverer.post("/status/" + token + "/reply", Map.of("answer", "回答\u001b[2J"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("制御文字");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM vr_clarification WHERE tracking_number = ? "
        + "AND answer IS NULL", Integer.class, tn)).isEqualTo(1);

    String answer = japanese(4_500).strip();
    HttpResponse<String> answered = discoverer.post("/status/" + token + "/reply", Map.of("answer", answer));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(302);
    assertThat(jdbc.queryForObject("SELECT answer FROM vr_clarification WHERE tracking_number = ?", String.class, tn))
        .isEqualTo(answer);
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn)
        .processDefinitionKey("SoftwareVulnerabilityReport").singleResult().getId();
    assertThat((String) runtime.getVariable(pi, "clarificationAnswer"))
        .hasSizeLessThanOrEqualTo(ProcessText.MAX_VARIABLE_CHARS);
  }

  /** Runs the case to its formal check and asks the discoverer a question there. */
  private void askQuestion(String tn) {
    String pi = runtime.createProcessInstanceQuery().processInstanceBusinessKey(tn)
        .processDefinitionKey("SoftwareVulnerabilityReport").singleResult().getId();
    runJobs(pi);
    var task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_FormalCheck").singleResult();
    tasks.complete(task.getId(), Map.of("formalCheckOutcome", "CLARIFICATION",
        "clarificationQuestions", "再現環境を教えてください。"));
    runJobs(pi);
  }

  private void runJobs(String pi) {
    for (int i = 0; i < 20; i++) {
      var due = management.createJobQuery().processInstanceId(pi).executable().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  private PageClient atForm(String address) throws Exception {
    PageClient page = new PageClient(base(), address);
    page.get("/report");
    page.follow(page.post("/report", Map.of("consent", "true", "category", "SOFTWARE_PRODUCT")));
    return page;
  }

  private static byte[] bytes(int kilobytes) {
    return "a".repeat(kilobytes * 1024).getBytes(StandardCharsets.UTF_8);
  }

  private void emptyStaging() throws Exception {
    Path dir = attachmentProperties.dir().resolve("staging");
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private JsonNode submitByApi(PageClient client) throws Exception {
    byte[] body;
    try (InputStream in = getClass().getResourceAsStream("/examples/report-product.json")) {
      body = in.readAllBytes();
    }
    HttpResponse<String> r = client.postJson("/api/reports", new String(body, StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(201);
    return mapper.readTree(r.body());
  }

  private HttpResponse<String> staff(String method, String path, String user, String json) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
        .header("Authorization", Http.basic(user, "demo"));
    if (json == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> staffGet(String path, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (user != null) {
      b.header("Authorization", Http.basic(user, "demo"));
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String errorOf(String page, String field) {
    Matcher m = Pattern.compile("id=\"error-" + field + "\"[^>]*>([^<]*)<").matcher(page);
    return m.find() ? m.group(1).trim() : "";
  }

  private static String find(Pattern p, String text) {
    Matcher m = p.matcher(text);
    assertThat(m.find()).as("%s in %s", p, text).isTrue();
    return m.group(1);
  }

  private int count(String table) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
  }

  private long staged() throws Exception {
    Path dir = attachmentProperties.dir().resolve("staging");
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = Files.list(dir)) {
      return files.count();
    }
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
    image.setRGB(3, 3, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
