package jp.vulnreport.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.UserOperationLogEntryEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Puts every operator action on a case's processes into the case's timeline (VR_CASE_EVENT, type
 * {@code ADMIN_ACTION}): instance modification, migration, suspension, deletion, variable writes,
 * job retries, restarts — whoever did it, by whatever way (/engine-rest, Cockpit, Java), with who
 * and why. Staff cannot do these (see {@link EngineApiGuard}); administrators can, and the case
 * shows it. Listens to the engine's user operation log as it is written (the history event
 * stream), in the same transaction as the action. The reason is the operation's annotation or the
 * {@code X-Reason} header of the request.
 */
@Component
public class AdminActionAudit extends AbstractProcessEnginePlugin {

  /** The reason the current request's administrator gave (set by {@link EngineApiGuard}). */
  static final ThreadLocal<String> REASON = new ThreadLocal<>();

  static final String NO_REASON = "理由の記載なし / no reason given";

  /** Operation log categories of actions on the course of a case (not a task worker's own work). */
  private static final Set<String> CATEGORIES = Set.of(UserOperationLogEntry.CATEGORY_OPERATOR,
      UserOperationLogEntry.CATEGORY_ADMIN);

  private final ObjectProvider<CaseRegister> register;
  private final ObjectProvider<JdbcTemplate> jdbc;
  /** Operations already recorded (an operation writes one log entry per changed property). */
  private final Map<String, Boolean> recorded = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > 10_000;
    }
  });

  public AdminActionAudit(ObjectProvider<CaseRegister> register, ObjectProvider<JdbcTemplate> jdbc) {
    this.register = register;
    this.jdbc = jdbc;
  }

  /** The reason to record: the header's (percent-decoded), else the annotation, else "none given". */
  static String reason(String header, String annotation) {
    String r = header == null || header.isBlank() ? null : decode(header.strip());
    if (r == null && annotation != null && !annotation.isBlank()) {
      r = annotation.strip();
    }
    return r;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Handler());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  private final class Handler implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof UserOperationLogEntryEventEntity e) {
        record(e);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }

  private void record(UserOperationLogEntryEventEntity e) {
    if (e.getUserId() == null || !CATEGORIES.contains(e.getCategory()) || e.getProcessInstanceId() == null
        || EntityTypes.OPERATION_LOG.equals(e.getEntityType())) {
      return;
    }
    String key = e.getOperationId() + "/" + e.getProcessInstanceId();
    if (recorded.putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    String trackingNumber = jdbc.getObject().query("SELECT BUSINESS_KEY_ FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ?",
        (rs, i) -> rs.getString(1), e.getProcessInstanceId()).stream().findFirst().orElse(null);
    if (trackingNumber == null || register.getObject().find(trackingNumber).isEmpty()) {
      return;
    }
    String reason = e.getAnnotation() != null && !e.getAnnotation().isBlank() ? e.getAnnotation() : REASON.get();
    String what = e.getOperationType() + " " + e.getEntityType()
        + (e.getProperty() != null && !"operationType".equals(e.getProperty()) ? " (" + e.getProperty() + ")" : "");
    register.getObject().event(trackingNumber, e.getUserId(), "ADMIN_ACTION",
        "管理者操作 / administrator action: " + what + "; プロセス / process " + e.getProcessDefinitionKey() + " "
            + e.getProcessInstanceId() + "; 理由 / reason: " + (reason == null ? NO_REASON : reason)
            + "; operation " + e.getOperationId());
  }
}
