package jp.vulnreport.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps every exception thrown by a task listener or delegate into a plain
 * ProcessEngineException ("ENGINE-03051 There was an exception while invoking the TaskListener"),
 * which the REST API answers with 500. This interceptor, outside the transaction, rethrows a
 * person-fixable {@link FormFieldValidationException} found as the cause, so completing a task with
 * a fixable mistake answers 400 with the listener's own message (Tasklist shows it).
 */
@Component
public class PersonFixableErrorsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> pre = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    pre.add(0, new Unwrap());
    configuration.setCustomPreCommandInterceptorsTxRequired(pre);
  }

  static final class Unwrap extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (ProcessEngineException e) {
        ProcessEngineException fixable = fixable(e);
        throw fixable != null && fixable != e ? fixable : e;
      }
    }
  }

  /** The person-fixable cause: a form field's message (400) or a refused request such as four eyes (400). */
  static ProcessEngineException fixable(Throwable e) {
    for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
      if (t instanceof FormFieldValidationException || t instanceof org.camunda.bpm.engine.BadUserRequestException) {
        return (ProcessEngineException) t;
      }
    }
    return null;
  }
}
