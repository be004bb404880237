package jp.vulnreport.coordination;

import static jp.vulnreport.support.Cases.body;
import static jp.vulnreport.support.Cases.mailsTo;
import static jp.vulnreport.support.Cases.subject;
import static jp.vulnreport.support.Http.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import jp.vulnreport.cases.CaseDossier;
import jp.vulnreport.government.CsafNoticeBuilder;
import jp.vulnreport.government.CsafValidator;
import jp.vulnreport.government.GovernmentCommands;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.VendorRequests;
import jp.vulnreport.support.Cases;
import jp.vulnreport.support.IntegrationTest;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The vendor and its requests (issue 15): the developers of a case are told of the Cabinet Office
 * notice at their registry address or contact point; a zero-day handling request from the developer's
 * page or from staff is weighed by liaison and, when granted, travels with the notice (mail text, CSAF
 * note, TLP:RED) and with every update; a refused one does not.
 */
class VendorZeroDayRequestTest extends IntegrationTest {

  static final String CABINET_OFFICE = "cabinet-office@localhost";
  static final String SAMPLE_SOFT = CoordinationProcessTest.SAMPLE_SOFT;
  static final String SAMPLE_SOFT_PSIRT = CoordinationProcessTest.SAMPLE_SOFT_PSIRT;
  static final Pattern DEVELOPER_LINK = CoordinationProcessTest.DEVELOPER_LINK;
  static final String REASON = "修正版 4.2.8 の公開（2 週間後）まで、悪用が広がるおそれがあるため公表前の共有を控えてほしい <b>";

  @Autowired Cases cases;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired GovernmentNotices notices;
  @Autowired GovernmentCommands government;
  @Autowired DeveloperCommands commands;
  @Autowired VendorRequests vendor;
  @Autowired CsafValidator validator;
  @Autowired CaseDossier dossier;
  @Autowired ObjectMapper mapper;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc mvc;
  @Autowired jp.vulnreport.cases.CaseRegister register;

  @Test
  void aRequestFromTheDeveloperPageIsWeighedByLiaisonAndTravelsWithTheNoticeAndItsUpdates() throws Exception {
    String tn = recognisedNotifiable();
    identify(tn);
    String token = Cases.token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"), DEVELOPER_LINK);

    // the developer's private page: the request needs the page's CSRF token and a reason
    MockHttpSession session = new MockHttpSession();
    String page = mvc.perform(get("/developer/" + token).session(session)).andExpect(status().isOk()).andReturn()
        .getResponse().getContentAsString();
    assertThat(page).contains("ゼロデイ取扱いのご要望", "/developer/" + token + "/zero-day");
    mvc.perform(post("/developer/" + token + "/zero-day").session(session).param("zeroDayReason", REASON))
        .andExpect(status().isForbidden());
    String refused = mvc.perform(post("/developer/" + token + "/zero-day").session(session)
        .param("_csrf", Cases.csrf(page)).param("zeroDayReason", "  ")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(refused).contains("ご要望とその理由を入力してください");
    mvc.perform(post("/developer/" + token + "/zero-day").session(session).param("_csrf", Cases.csrf(page))
        .param("zeroDayReason", "x".repeat(VendorRequests.MAX_REASON + 1))).andExpect(status().isBadRequest());
    assertThat(vendor.requests(tn)).isEmpty();
    mvc.perform(post("/developer/" + token + "/zero-day").session(session).param("_csrf", Cases.csrf(page))
        .param("zeroDayReason", REASON)).andExpect(status().is3xxRedirection());
    // shown back to the developer, escaped, as being considered
    String after = mvc.perform(get("/developer/" + token).session(session)).andReturn().getResponse().getContentAsString();
    assertThat(after).contains("検討中", "控えてほしい &lt;b&gt;").doesNotContain("控えてほしい <b>");
    // in English for an English reader
    assertThat(mvc.perform(get("/developer/" + token + "?lang=en")).andReturn().getResponse()
        .getContentAsString()).contains("Zero-day handling request", "Being considered");

    // liaison weighs it in its own task (candidate group liaison, due by the policy's VENDOR_DECISION)
    ProcessInstance request = zeroDayRequest(tn);
    assertThat(request).isWaitingAt("Task_WeighZeroDayRequest");
    Task weigh = tasks.createTaskQuery().processInstanceId(request.getId()).taskCandidateGroup("liaison").singleResult();
    assertThat(weigh).isNotNull();
    assertThat(weigh.getDueDate()).isNotNull();
    assertThat((String) tasks.getVariable(weigh.getId(), "zeroDayRequestText"))
        .contains("サンプルソフト株式会社", "開発者の専用ページから", "控えてほしい");
    cases.completeAs("liaison1", "liaison", request, "Task_WeighZeroDayRequest",
        Map.of("zeroDayDecision", "GRANT", "zeroDayDecisionReason", "修正版の公開前に悪用が拡大するおそれがあるため"));
    assertThat(request).isEnded().hasPassed("EndEvent_ZeroDayDecided").hasNotPassed("Task_SendZeroDayUpdate");
    assertThat(vendor.requests(tn)).singleElement().satisfies(r -> {
      assertThat(r.decision()).isEqualTo("GRANTED");
      assertThat(r.decidedBy()).isEqualTo("liaison1");
      assertThat(r.source()).isEqualTo("DEVELOPER_PAGE");
    });
    // the developer is told the outcome (the registry's address: no contact point named yet)
    assertThat(body(single(SAMPLE_SOFT, "ゼロデイ取扱いのご要望について")))
        .contains("要望を認めました", "修正版の公開前に悪用が拡大するおそれがあるため", "was granted");

    // the notice: the request in the mail text, a CSAF note and TLP:RED
    ProcessInstance gov = cases.government(tn);
    draftAndApprove(gov);
    String notice = body(single(CABINET_OFFICE, "脆弱性に関する通知"));
    assertThat(notice).contains("ゼロデイ取扱い要望", "控えてほしい", "修正版の公開前に悪用が拡大するおそれがあるため", "TLP:RED")
        .doesNotContain("TLP:AMBER");
    JsonNode csaf = attachment(single(CABINET_OFFICE, "脆弱性に関する通知"), tn + ".csaf.json");
    assertThat(validator.problems(csaf)).isEmpty();
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("RED");
    assertThat(zeroDayNotes(csaf)).singleElement().satisfies(n -> {
      assertThat(n.path("category").asText()).isEqualTo("other");
      assertThat(n.path("text").asText()).contains("サンプルソフト株式会社", "控えてほしい", "要望を認めます");
    });

    // the developer is told of the notice at the registry's address, without liaison typing one
    assertThat(body(single(SAMPLE_SOFT, "政府への通知に関するお知らせ"))).contains(tn, "内閣府へ通知した");
    assertThat(notices.get(tn).vendorDecision()).isEqualTo("INFORMED");
    assertThat(vendor.toldOf(tn)).singleElement().satisfies(t -> {
      assertThat(t.developerId()).isEqualTo("sample-soft");
      assertThat(t.channel()).isEqualTo(VendorRequests.Channel.REGISTRY);
      assertThat(t.address()).contains(SAMPLE_SOFT);
      assertThat(t.informedAt()).isNotNull();
      assertThat(t.late()).isFalse();
    });
    // the timeline says it in Japanese, with labels, not codes
    assertThat(register.timeline(tn)).filteredOn(e -> e.type().equals("VENDOR_TOLD")).singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("サンプルソフト株式会社", "開発者登録簿の連絡先", SAMPLE_SOFT)
            .doesNotContain("REGISTRY", "via "));
    // the dossier says who was told, when and how, in Japanese (no codes)
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) dossier.dossier(tn, Set.of("liaison")).get("governmentNotice");
    assertThat((String) shown.get("text")).contains("製品開発者への連絡: 製品開発者へ連絡済み", "サンプルソフト株式会社",
        "メール（開発者登録簿の連絡先）", SAMPLE_SOFT, "ゼロデイ取扱い要望", "→ 認める", "TLP: RED")
        .doesNotContain("REGISTRY", "GRANTED", "INFORMED");

    // every later update carries it
    government.acknowledged(tn);
    cases.runJobs(gov.getId());
    mvc.perform(post("/api/government-notifications/" + tn + "/updates").header("Authorization", basic("liaison1", "demo"))
        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"修正版の公開日が決まりました\"}"))
        .andExpect(status().isAccepted());
    cases.runJobs(gov.getId());
    assertThat(body(single(CABINET_OFFICE, "続報"))).contains("修正版の公開日が決まりました", "ゼロデイ取扱い要望",
        "控えてほしい", "TLP:RED");
  }

  @Test
  void aRefusedRequestEnteredByStaffIsNotCarried() throws Exception {
    String tn = recognisedNotifiable();
    identify(tn);
    String api = "/api/cases/" + tn + "/developers/sample-soft/zero-day-requests";
    mvc.perform(post(api).header("Authorization", basic("receipt1", "demo")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"電話で受けた要望\"}")).andExpect(status().isForbidden());
    mvc.perform(post(api).header("Authorization", basic("coordinator1", "demo")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"\"}")).andExpect(status().isBadRequest());
    mvc.perform(post(api).header("Authorization", basic("coordinator1", "demo")).contentType(MediaType.APPLICATION_JSON)
        .content("{\"reason\":\"電話で受けた要望: 修正まで控えてほしい\"}")).andExpect(status().isCreated());
    assertThat(vendor.requests(tn)).singleElement().satisfies(r -> {
      assertThat(r.source()).isEqualTo("STAFF");
      assertThat(r.requestedBy()).isEqualTo("coordinator1");
    });

    ProcessInstance request = zeroDayRequest(tn);
    cases.completeAs("liaison1", "liaison", request, "Task_WeighZeroDayRequest",
        Map.of("zeroDayDecision", "REFUSE", "zeroDayDecisionReason", "悪用が確認されており、内閣府での共有が必要なため"));
    assertThat(vendor.requests(tn).get(0).decision()).isEqualTo("REFUSED");
    assertThat(body(single(SAMPLE_SOFT, "ゼロデイ取扱いのご要望について"))).contains("要望は認められませんでした",
        "悪用が確認されており");

    draftAndApprove(cases.government(tn));
    MimeMessage notice = single(CABINET_OFFICE, "脆弱性に関する通知");
    assertThat(body(notice)).doesNotContain("ゼロデイ取扱い要望", "控えてほしい").contains("TLP:AMBER");
    JsonNode csaf = attachment(notice, tn + ".csaf.json");
    assertThat(validator.problems(csaf)).isEmpty();
    assertThat(csaf.at("/document/distribution/tlp/label").asText()).isEqualTo("AMBER");
    assertThat(zeroDayNotes(csaf)).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) dossier.dossier(tn, Set.of("liaison")).get("governmentNotice");
    assertThat((String) shown.get("text")).contains("→ 認めない", "職員が開発者に代わって記録", "TLP: AMBER");
  }

  @Test
  void developersIdentifiedAfterTheNoticeAreToldAtTheirContactPointAndALateGrantSendsAnUpdate() throws Exception {
    String tn = recognisedNotifiable();
    ProcessInstance gov = cases.government(tn);
    draftAndApprove(gov);
    // no developer identified and no address typed: nobody to tell yet
    assertThat(notices.get(tn).vendorDecision()).isEqualTo("NO_CONTACT");
    assertThat(vendor.toldOf(tn)).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> shown = (Map<String, Object>) dossier.dossier(tn, Set.of("liaison")).get("governmentNotice");
    assertThat((String) shown.get("text")).contains("製品開発者の連絡先が分からず、連絡していません").doesNotContain("NO_CONTACT");

    // the developer is identified after the notice and names its contact point: it is told then, there
    identify(tn);
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), SAMPLE_SOFT))
        .noneMatch(m -> subject(m).contains("政府への通知に関するお知らせ"));
    commands.nameContactPoint(tn, "sample-soft", "SampleCMS PSIRT", SAMPLE_SOFT_PSIRT, "developer");
    cases.runJobs(gov.getId());
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "政府への通知に関するお知らせ"))).contains(tn);
    assertThat(vendor.toldOf(tn)).singleElement().satisfies(t -> {
      assertThat(t.channel()).isEqualTo(VendorRequests.Channel.CONTACT_POINT);
      assertThat(t.address()).isEqualTo(SAMPLE_SOFT_PSIRT);
      assertThat(t.late()).isTrue();
    });
    assertThat(notices.get(tn).vendorDecision()).isEqualTo("INFORMED");

    // a request entered by staff in Tasklist's start form after the notice: granted, it goes out as an update
    identity.setAuthentication("coordinator1", List.of("coordination"));
    ProcessInstance request;
    try {
      String definition = repository.createProcessDefinitionQuery().processDefinitionKey(ZeroDayRequestCommands.PROCESS)
          .latestVersion().singleResult().getId();
      request = forms.submitStartForm(definition, Map.of("entryTrackingNumber", tn, "entryDeveloperId", "sample-soft",
          "zeroDayReason", "メールで受けた要望: 修正版の公開まで共有を控えてほしい"));
    } finally {
      identity.clearAuthentication();
    }
    assertThat(request.getBusinessKey()).isEqualTo(tn);
    assertThat(request).isWaitingAt("Task_WeighZeroDayRequest");
    assertThat(vendor.requests(tn)).singleElement().satisfies(r -> {
      assertThat(r.afterNotice()).isTrue();
      assertThat(r.requestedBy()).isEqualTo("coordinator1");
    });
    cases.completeAs("liaison1", "liaison", request, "Task_WeighZeroDayRequest",
        Map.of("zeroDayDecision", "GRANT", "zeroDayDecisionReason", "修正版の公開前のため"));
    cases.runJobs(request.getId());
    assertThat(request).isEnded().hasPassed("Task_SendZeroDayUpdate");
    assertThat(body(single(SAMPLE_SOFT_PSIRT, "ゼロデイ取扱いのご要望について"))).contains("要望を認めました");
    assertThat(body(single(CABINET_OFFICE, "続報"))).contains("ゼロデイ取扱い要望があり、認めました",
        "修正版の公開まで共有を控えてほしい", "TLP:RED");
    assertThat(notices.get(tn).updatesSent()).isEqualTo(1);
  }

  @Test
  void aGrantAfterTheTrackEndedStillReachesTheCabinetOffice() throws Exception {
    String tn = recognisedNotifiable();
    identify(tn);
    ProcessInstance gov = cases.government(tn);
    draftAndApprove(gov);
    staffRequest(tn, "電話で受けた要望: 修正まで控えてほしい").andExpect(status().isCreated());
    // while liaison weighs the request, the Cabinet Office acknowledges and the track closes
    government.acknowledged(tn);
    cases.runJobs(gov.getId());
    government.update(tn, "JVN で公表し、取扱いを終了しました", true);
    cases.runJobs(gov.getId());
    assertThat(gov).isEnded().hasPassed("EndEvent_TrackClosed");
    int updates = notices.get(tn).updatesSent();

    ProcessInstance request = zeroDayRequest(tn);
    cases.completeAs("liaison1", "liaison", request, "Task_WeighZeroDayRequest",
        Map.of("zeroDayDecision", "GRANT", "zeroDayDecisionReason", "修正版の公開前のため"));
    cases.runJobs(request.getId());
    assertThat(request).isEnded().hasPassed("Task_SendZeroDayUpdate", "EndEvent_ZeroDayUpdated");
    // the grant went out as an update even though the track no longer waits for one
    assertThat(mailsTo(GREEN_MAIL.getReceivedMessages(), CABINET_OFFICE))
        .filteredOn(m -> subject(m).contains("続報") && body(m).contains("ゼロデイ取扱い要望があり、認めました"))
        .singleElement().satisfies(m -> assertThat(body(m)).contains("TLP:RED", "修正まで控えてほしい"));
    assertThat(notices.get(tn).updatesSent()).isEqualTo(updates + 1);
  }

  @Test
  void aRequestIsDecidedOnce() throws Exception {
    String tn = recognisedNotifiable();
    identify(tn);
    staffRequest(tn, "電話で受けた要望").andExpect(status().isCreated());
    long id = vendor.requests(tn).get(0).id();
    vendor.decide(id, true, "修正版の公開前のため", "liaison1");
    // a second decision (another liaison, at the same time) is refused and does not overwrite the first
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> vendor.decide(id, false, "内閣府での共有が必要", "liaison2"))
        .isInstanceOf(jp.vulnreport.cases.CaseConflictException.class);
    assertThat(vendor.get(id)).satisfies(r -> {
      assertThat(r.decision()).isEqualTo("GRANTED");
      assertThat(r.decidedBy()).isEqualTo("liaison1");
      assertThat(r.decisionReason()).isEqualTo("修正版の公開前のため");
    });
  }

  @Test
  void datesAreShownInJapanTime() throws Exception {
    String tn = recognisedNotifiable();
    identify(tn);
    String token = Cases.token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"), DEVELOPER_LINK);
    staffRequest(tn, "電話で受けた要望").andExpect(status().isCreated());
    // 2026-03-01 08:00 JST, read back in UTC as PostgreSQL's timestamptz does
    jdbc.update("UPDATE vr_zero_day_request SET requested_at = ? WHERE tracking_number = ?",
        java.time.OffsetDateTime.parse("2026-02-28T23:00:00Z"), tn);
    assertThat(vendor.requests(tn).get(0).requestedAt().getOffset()).isEqualTo(java.time.ZoneOffset.UTC);
    assertThat(mvc.perform(get("/developer/" + token)).andReturn().getResponse().getContentAsString())
        .contains("2026-03-01").doesNotContain("2026-02-28");
    cases.completeAs("liaison1", "liaison", zeroDayRequest(tn), "Task_WeighZeroDayRequest",
        Map.of("zeroDayDecision", "GRANT", "zeroDayDecisionReason", "修正版の公開前のため"));
    assertThat(body(single(SAMPLE_SOFT, "ゼロデイ取扱いのご要望について"))).contains("2026-03-01")
        .doesNotContain("2026-02-28");
    assertThat(vendor.grantedText(tn)).hasValueSatisfying(t -> assertThat(t).contains("（2026-03-01）")
        .doesNotContain("2026-02-28"));
    // and the notice's review form
    ProcessInstance gov = cases.government(tn);
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", Map.of("tlp", "AMBER"));
    Task review = tasks.createTaskQuery().processInstanceId(gov.getId()).taskDefinitionKey("Task_ReviewNotice")
        .singleResult();
    assertThat((String) tasks.getVariableLocal(review.getId(), "zeroDayHandlingText")).contains("（2026-03-01）")
        .doesNotContain("2026-02-28");
  }

  @Test
  void oneRequestAtATimeFromTheSameDeveloper() throws Exception {
    String tn = recognisedNotifiable();
    identify(tn);
    String token = Cases.token(single(SAMPLE_SOFT, "製品の脆弱性に関するご連絡"), DEVELOPER_LINK);
    MockHttpSession session = new MockHttpSession();
    String page = mvc.perform(get("/developer/" + token).session(session)).andReturn().getResponse()
        .getContentAsString();
    mvc.perform(post("/developer/" + token + "/zero-day").session(session).param("_csrf", Cases.csrf(page))
        .param("zeroDayReason", REASON)).andExpect(status().is3xxRedirection());
    String again = mvc.perform(post("/developer/" + token + "/zero-day").session(session)
        .param("_csrf", Cases.csrf(page)).param("zeroDayReason", "もう一度")).andExpect(status().isBadRequest())
        .andReturn().getResponse().getContentAsString();
    assertThat(again).contains("先のご要望を検討中です");
    staffRequest(tn, "電話で受けた要望").andExpect(status().isConflict());
    assertThat(vendor.requests(tn)).hasSize(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ZeroDayRequestCommands.PROCESS)
        .processInstanceBusinessKey(tn).count()).isEqualTo(1);

    // once decided, the developer may ask again
    cases.completeAs("liaison1", "liaison", zeroDayRequest(tn), "Task_WeighZeroDayRequest",
        Map.of("zeroDayDecision", "REFUSE", "zeroDayDecisionReason", "内閣府での共有が必要なため"));
    mvc.perform(post("/developer/" + token + "/zero-day").session(session).param("_csrf", Cases.csrf(page))
        .param("zeroDayReason", "事情が変わりました")).andExpect(status().is3xxRedirection());
    assertThat(vendor.requests(tn)).hasSize(2);
  }

  // --- helpers

  private org.springframework.test.web.servlet.ResultActions staffRequest(String tn, String reason) throws Exception {
    return mvc.perform(post("/api/cases/" + tn + "/developers/sample-soft/zero-day-requests")
        .header("Authorization", basic("coordinator1", "demo")).contentType(MediaType.APPLICATION_JSON)
        .content(mapper.writeValueAsString(Map.of("reason", reason))));
  }

  /** A product report verified as exploited and recognised notifiable: its notice waits to be drafted. */
  private String recognisedNotifiable() {
    ProcessInstance pi = cases.atFormalCheck("report-product", n -> { });
    cases.throughVerification(pi, "ACTIVE");
    String tn = pi.getBusinessKey();
    cases.completeAs("analyst1", "analyst", cases.government(tn), Map.of("recognitionDecision", "NOTIFIABLE"));
    cases.runJobs(pi.getId());
    assertThat(cases.government(tn)).isWaitingAt("Task_DraftNotice");
    return tn;
  }

  /** Coordination identifies the sample registry's developer (first contact to its registry address). */
  private void identify(String tn) {
    ProcessInstance coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(tn).singleResult();
    cases.completeAs("coordinator1", "coordination", coordination, "Task_IdentifyDevelopers",
        Map.of("developerIdsChosen", CoordinationProcessTest.chosen("sample-soft"), "lowImpact", false,
            "lowImpactConfirmed", false));
    cases.runJobs(coordination.getId());
    ProcessInstance developer = runtime.createProcessInstanceQuery().processDefinitionKey("DeveloperCoordination")
        .processInstanceBusinessKey(tn).variableValueEquals("developerId", "sample-soft").singleResult();
    cases.runJobs(developer.getId());
  }

  private void draftAndApprove(ProcessInstance gov) {
    cases.completeAs("liaison1", "liaison", gov, "Task_DraftNotice", Map.of("tlp", "AMBER"));
    cases.completeAs("liaison2", "liaison", gov, "Task_ReviewNotice", Map.of("reviewOutcome", "APPROVE"));
    cases.runJobs(gov.getId());
  }

  private ProcessInstance zeroDayRequest(String tn) {
    ProcessInstance pi = runtime.createProcessInstanceQuery().processDefinitionKey(ZeroDayRequestCommands.PROCESS)
        .processInstanceBusinessKey(tn).active().singleResult();
    assertThat(pi).as("zero-day request of " + tn).isNotNull();
    return pi;
  }

  private static List<JsonNode> zeroDayNotes(JsonNode csaf) {
    List<JsonNode> out = new java.util.ArrayList<>();
    csaf.at("/document/notes").forEach(n -> {
      if (CsafNoticeBuilder.ZERO_DAY_NOTE_TITLE.equals(n.path("title").asText())) {
        out.add(n);
      }
    });
    return out;
  }

  private static MimeMessage single(String address, String subject) {
    return Cases.single(GREEN_MAIL.getReceivedMessages(), address, subject);
  }

  private JsonNode attachment(MimeMessage m, String fileName) throws Exception {
    Multipart multipart = (Multipart) m.getContent();
    for (int i = 0; i < multipart.getCount(); i++) {
      BodyPart part = multipart.getBodyPart(i);
      if (fileName.equals(part.getFileName())) {
        try (InputStream in = part.getInputStream()) {
          return mapper.readTree(in);
        }
      }
    }
    throw new AssertionError("no attachment " + fileName);
  }
}
