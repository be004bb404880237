package jp.vulnreport.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.ReporterData;
import jp.vulnreport.coordination.Coordinations;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.process.ProcessKeys;
import jp.vulnreport.security.AsSystem;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Erasure of a discoverer's personal data (DESIGN.md §4): at the end of the retention period (the
 * PersonalDataRetention process) or earlier on request (a manager, with a reason). The register
 * loses name, organisation, mail, phone and credit name; the attachments are deleted; the
 * discoverer's links are revoked; and any copy of the name, mail address, phone number or credit
 * name that the discoverer typed into free text (answers, report text, file names) is replaced in
 * our tables and removed from the engine's variables and their history. A developer's self-report
 * made its reporter the case's coordination contact point: that contact point is cleared (the
 * developer registry's entry, the organisation's contact, is kept). The case facts needed for
 * statistics (dates, states, categories, CVSS, deadlines, the record of mails sent) stay.
 */
@Service
public class PersonalDataErasure {

  /** What an erasure did. */
  public record Result(String trackingNumber, boolean reporterErased, int attachmentsErased, int linksRevoked,
      int textsScrubbed, int variablesRemoved, int contactPointsCleared) {}

  static final String REPLACEMENT = "［削除済み / erased］";

  private final CaseRegister register;
  private final AttachmentStore attachments;
  private final PrivateLinks links;
  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final Coordinations coordinations;

  public PersonalDataErasure(CaseRegister register, AttachmentStore attachments, PrivateLinks links,
      JdbcTemplate jdbc, HistoryService history, RuntimeService runtime, IdentityService identity,
      Coordinations coordinations) {
    this.coordinations = coordinations;
    this.identity = identity;
    this.register = register;
    this.attachments = attachments;
    this.links = links;
    this.jdbc = jdbc;
    this.history = history;
    this.runtime = runtime;
  }

  @Transactional
  public Result erase(String trackingNumber, String actor, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be empty");
    }
    // the caller's right to erase was checked (a manager, or the retention process); the engine
    // work (variables, history, the retention process) is the application's
    return AsSystem.call(identity, () -> eraseAsSystem(trackingNumber, actor, reason));
  }

  private Result eraseAsSystem(String trackingNumber, String actor, String reason) {
    CaseRecord c = register.get(trackingNumber);
    Optional<ReporterData> reporter = register.reporter(c.reporterId());
    List<String> needles = reporter.map(PersonalDataErasure::needles).orElse(List.of());
    // a developer's self-report made its reporter the case's coordination contact point: that copy goes
    // too (whatever the name's length); the developer registry's entry stays (the organisation's contact)
    int contacts = reporter.map(r -> coordinations.forgetReporterContact(trackingNumber, r.name(), r.email())).orElse(0);
    int scrubbed = scrubOurTables(trackingNumber, needles);
    int removed = scrubEngine(trackingNumber, needles);
    boolean erased = register.eraseReporter(c.reporterId());
    int files = attachments.erase(trackingNumber);
    int revoked = links.revokeAll(trackingNumber, LinkAudience.DISCOVERER, null, "personal data erased", actor);
    Result result = new Result(trackingNumber, erased, files, revoked, scrubbed, removed, contacts);
    register.event(trackingNumber, actor, "PERSONAL_DATA_ERASED", reason.strip() + " (reporter " + erased
        + ", attachments " + files + ", links " + revoked + ", texts " + scrubbed + ", variables " + removed
        + ", contact points " + contacts + ")");
    return result;
  }

  /** Erasure on request ends the waiting retention process: there is nothing left for it to do. */
  @Transactional
  public Result eraseOnRequest(String trackingNumber, String actor, String reason) {
    Result r = erase(trackingNumber, actor, reason);
    AsSystem.call(identity, () -> {
      runtime.createProcessInstanceQuery().processDefinitionKey(ProcessKeys.PERSONAL_DATA_RETENTION)
          .processInstanceBusinessKey(trackingNumber).list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "personal data erased on request by " + actor));
      return null;
    });
    return r;
  }

  /** The strings to look for: name, mail address, phone, credit name (at least three characters). */
  static List<String> needles(ReporterData r) {
    return Stream.of(r.name(), r.email(), r.phone(), r.creditDisplayName())
        .filter(s -> s != null && s.strip().length() >= 3).map(String::strip).distinct().toList();
  }

  /**
   * Every text column of our case tables (those with a tracking_number), for this case's rows.
   * (LIKE's wildcards in a needle only widen the search; REPLACE replaces the exact text.)
   */
  private int scrubOurTables(String trackingNumber, List<String> needles) {
    if (needles.isEmpty()) {
      return 0;
    }
    int n = 0;
    for (String table : jdbc.queryForList("SELECT DISTINCT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
        + "WHERE LOWER(COLUMN_NAME) = 'tracking_number' AND LOWER(TABLE_NAME) LIKE 'vr\\_%' ESCAPE '\\' "
        + "AND LOWER(TABLE_SCHEMA) IN ('public')", String.class)) {
      for (String column : jdbc.queryForList("SELECT LOWER(COLUMN_NAME) FROM INFORMATION_SCHEMA.COLUMNS "
          + "WHERE LOWER(TABLE_NAME) = ? AND LOWER(TABLE_SCHEMA) IN ('public') "
          + "AND LOWER(DATA_TYPE) IN ('character varying', 'text', 'character large object') "
          + "AND LOWER(COLUMN_NAME) <> 'tracking_number'", String.class, table)) {
        for (String needle : needles) {
          n += jdbc.update("UPDATE " + table + " SET " + column + " = REPLACE(" + column + ", ?, ?) "
              + "WHERE tracking_number = ? AND " + column + " LIKE ?", needle, REPLACEMENT, trackingNumber,
              "%" + needle + "%");
        }
      }
    }
    return n;
  }

  /**
   * Variables of the case's processes (running or ended) whose text holds personal data: a running
   * one gets the scrubbed text, then its history (every earlier value) is deleted.
   */
  private int scrubEngine(String trackingNumber, List<String> needles) {
    if (needles.isEmpty()) {
      return 0;
    }
    int n = 0;
    List<String> instances = new ArrayList<>();
    for (HistoricProcessInstance hpi : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(trackingNumber).list()) {
      instances.add(hpi.getId());
    }
    for (String id : instances) {
      for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery().processInstanceId(id)
          .disableCustomObjectDeserialization().list()) {
        if (v.getValue() instanceof String text && needles.stream().anyMatch(text::contains)) {
          String clean = text;
          for (String needle : needles) {
            clean = clean.replace(needle, REPLACEMENT);
          }
          if (runtime.createVariableInstanceQuery().variableId(v.getId()).count() > 0) {
            runtime.setVariable(v.getExecutionId(), v.getName(), clean);
          }
          history.deleteHistoricVariableInstance(v.getId());
          n++;
        }
      }
    }
    return n;
  }
}
