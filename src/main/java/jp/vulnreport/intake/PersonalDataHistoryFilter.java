package jp.vulnreport.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import jp.vulnreport.cases.ProcessText;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the discoverer's personal data out of Camunda's history. The Tasklist start form (a report
 * received by mail) briefly carries name, mail and phone as variables; the registration step moves
 * them into the case register and removes them. This filter drops the history events of those
 * variables and form fields, so no copy lands in ACT_HI_* (DESIGN.md §4).
 *
 * <p>It also bounds long free texts (a report's details typed into the start form, an answer
 * entered in Tasklist) in history as the process variables are bounded ({@link ProcessText}): the
 * engine's history columns hold 4,000 characters, the full text is in the case register.
 *
 * <p>Uses the engine's history-event-handler extension point (an impl package, the documented way
 * to customise the history event stream).
 */
@Component
public class PersonalDataHistoryFilter extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new Filtering(new DbHistoryEventHandler(), ReportVariables.PERSONAL));
    configuration.setEnableDefaultDbHistoryEventHandler(false);
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** The length of Camunda's text columns (TEXT_ of ACT_HI_DETAIL, ACT_HI_VARINST …). */
  static final int ENGINE_TEXT_CHARS = 4000;

  /** Variables that carry long free text: bounded like their runtime values. */
  static final Set<String> LONG_TEXT = ReportVariables.LONG_TEXT;

  static final class Filtering implements HistoryEventHandler {
    private final HistoryEventHandler delegate;
    private final Set<String> names;

    Filtering(HistoryEventHandler delegate, Set<String> names) {
      this.delegate = delegate;
      this.names = names;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
      if (event instanceof HistoricVariableUpdateEventEntity v) {
        if (names.contains(v.getVariableName())) {
          return;
        }
        if (v.getTextValue() != null && (LONG_TEXT.contains(v.getVariableName())
            || v.getTextValue().length() > ENGINE_TEXT_CHARS)) {
          v.setTextValue(ProcessText.preview(v.getTextValue()));
        }
      }
      if (event instanceof HistoricFormPropertyEventEntity f) {
        if (names.contains(f.getPropertyId())) {
          return;
        }
        if (f.getPropertyValue() instanceof String text && (LONG_TEXT.contains(f.getPropertyId())
            || text.length() > ENGINE_TEXT_CHARS)) {
          f.setPropertyValue(ProcessText.preview(text));
        }
      }
      delegate.handleEvent(event);
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
