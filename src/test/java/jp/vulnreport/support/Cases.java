package jp.vulnreport.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.vulnreport.intake.IntakeReceipt;
import jp.vulnreport.intake.IntakeService;
import jp.vulnreport.intake.ReportParser;
import jp.vulnreport.intake.ReportSubmission;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Test fixture: reports from the shared examples, driving jobs and tasks, reading what arrived. */
@Component
public class Cases {

  private final ObjectMapper mapper;
  private final ReportParser parser;
  private final IntakeService intake;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final IdentityService identity;

  public Cases(ObjectMapper mapper, ReportParser parser, IntakeService intake, RuntimeService runtime,
      ManagementService management, TaskService tasks, IdentityService identity) {
    this.identity = identity;
    this.mapper = mapper;
    this.parser = parser;
    this.intake = intake;
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
  }

  /** The JSON of {@code examples/NAME.json} (a copy of shared/examples), changed by {@code edit}. */
  public byte[] example(String name, Consumer<ObjectNode> edit) {
    try (InputStream in = getClass().getResourceAsStream("/examples/" + name + ".json")) {
      ObjectNode node = (ObjectNode) mapper.readTree(in);
      edit.accept(node);
      return mapper.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public byte[] example(String name) {
    return example(name, n -> { });
  }

  public IntakeReceipt submit(String example) {
    return submit(example, n -> { });
  }

  public IntakeReceipt submit(String example, Consumer<ObjectNode> edit) {
    return intake.submit(parser.parse(example(example, edit), ReportSubmission.class));
  }

  public ProcessInstance instance(String trackingNumber) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(trackingNumber).singleResult();
  }

  /** Executes the instance's due jobs (async continuations, mails) until it waits for something else. */
  public void runJobs(String processInstanceId) {
    for (int i = 0; i < 50; i++) {
      List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
      if (due.isEmpty()) {
        return;
      }
      management.executeJob(due.get(0).getId());
    }
    throw new IllegalStateException("jobs of " + processInstanceId + " keep coming");
  }

  /** Submits an example report and runs it to the formal check. */
  public ProcessInstance atFormalCheck(String example, Consumer<ObjectNode> edit) {
    IntakeReceipt r = submit(example, edit);
    ProcessInstance pi = instance(r.trackingNumber());
    runJobs(pi.getId());
    return pi;
  }

  public Task task(ProcessInstance pi) {
    return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
  }

  /**
   * Takes a product report from the formal check through the substantive check and verification
   * (CVSS 9.8, the given exploitation status): its government track starts at recognition (認知).
   */
  public void throughVerification(ProcessInstance pi, String exploitationStatus) {
    complete(pi, Map.of("formalCheckOutcome", "COMPLETE"));
    complete(pi, Map.of("isVulnerability", true, "inScope", true, "knownOrDuplicate", false,
        "withdrawn", false, "category", "SOFTWARE_PRODUCT", "productKind", "WEB_APPLICATION"));
    complete(pi, Map.of("cvssVector", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
        "exploitationStatus", exploitationStatus, "affectedVersions", "4.2.0 - 4.2.7", "ssvcAutomatable", "no",
        "ssvcTechnicalImpact", "partial", "ssvcMissionImpact", "low"));
  }

  /**
   * A product report accepted, verified (CVSS 9.8, not exploited), recognised not notifiable and handed
   * off: its coordination waits at 製品開発者の特定. Returns the coordination.
   */
  public ProcessInstance atDeveloperIdentification() {
    ProcessInstance pi = atFormalCheck("report-product", n -> { });
    throughVerification(pi, "NONE");
    completeAs("analyst1", "analyst", government(pi.getBusinessKey()), Map.of("recognitionDecision", "NOT_NOTIFIABLE"));
    runJobs(pi.getId());
    ProcessInstance coordination = runtime.createProcessInstanceQuery().processDefinitionKey("Coordination")
        .processInstanceBusinessKey(pi.getBusinessKey()).singleResult();
    if (coordination == null) {
      throw new IllegalStateException("no coordination for " + pi.getBusinessKey());
    }
    return coordination;
  }

  public void complete(ProcessInstance pi, Map<String, Object> variables) {
    tasks.complete(task(pi).getId(), variables);
    runJobs(pi.getId());
  }

  /** The case's government-notification process (called from the receipt process), if running. */
  public ProcessInstance government(String trackingNumber) {
    return runtime.createProcessInstanceQuery().processDefinitionKey("GovernmentNotification")
        .processInstanceBusinessKey(trackingNumber).singleResult();
  }

  /** The open task of a process instance, completed as {@code user} of {@code group} (as Tasklist would). */
  public void completeAs(String user, String group, ProcessInstance pi, Map<String, Object> variables) {
    completeAs(user, group, pi, null, variables);
  }

  /** The open task {@code taskKey} (any, when null and only one is open), completed as {@code user}. */
  public void completeAs(String user, String group, ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    var query = tasks.createTaskQuery().processInstanceId(pi.getId());
    Task t = taskKey == null ? query.singleResult() : query.taskDefinitionKey(taskKey).singleResult();
    if (t == null) {
      throw new IllegalStateException("no open task in " + pi.getProcessDefinitionId());
    }
    identity.setAuthentication(user, List.of(group));
    try {
      tasks.claim(t.getId(), user);
      tasks.complete(t.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    runJobs(pi.getId());
  }

  /**
   * The messages GreenMail received for {@code address}, once each (GreenMail keeps a copy per
   * recipient of a mail to several people).
   */
  public static List<MimeMessage> mailsTo(MimeMessage[] received, String address) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return Arrays.stream(received).filter(m -> {
      try {
        return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address))
            && seen.add(m.getMessageID());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  /** The one mail to {@code address} whose subject contains {@code subject} (fails on none or several). */
  public static MimeMessage single(MimeMessage[] received, String address, String subject) {
    List<MimeMessage> found = mailsTo(received, address).stream().filter(m -> subject(m).contains(subject)).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " mails to " + address + " about " + subject + ", expected 1");
    }
    return found.get(0);
  }

  /** The first private-link token of {@code pattern} (group 1) in the mail's text. */
  public static String token(MimeMessage m, java.util.regex.Pattern pattern) {
    java.util.regex.Matcher matcher = pattern.matcher(body(m));
    if (!matcher.find()) {
      throw new AssertionError("no link " + pattern + " in the mail");
    }
    return matcher.group(1);
  }

  /** The CSRF token of a public page's form. */
  public static String csrf(String html) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no form token in the page");
    }
    return m.group(1);
  }

  /** The text of a mail (its text/plain part when it has attachments). */
  public static String body(MimeMessage m) {
    try {
      return text(m.getContent());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(Object content) throws Exception {
    if (content instanceof jakarta.mail.Multipart mp) {
      for (int i = 0; i < mp.getCount(); i++) {
        jakarta.mail.BodyPart part = mp.getBodyPart(i);
        if (part.getFileName() == null) {
          return text(part.getContent());
        }
      }
      return "";
    }
    return content.toString();
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
