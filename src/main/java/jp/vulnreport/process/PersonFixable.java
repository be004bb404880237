package jp.vulnreport.process;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A mistake the person completing a task can fix (a missing field, an invalid CVSS vector, a date in
 * the wrong format): thrown as Camunda's {@link FormFieldValidationException}, which the REST API
 * answers with {@code 400} and the message, so Tasklist shows the message and the task stays open.
 * The engine wraps any exception from a task listener into "ENGINE-03051 … TaskListener";
 * {@link PersonFixableErrorsPlugin} unwraps these again.
 */
public final class PersonFixable {

  private PersonFixable() {}

  /** The field (form key) and a message, Japanese first. */
  public static FormFieldValidationException error(String field, String message) {
    return new FormFieldValidationException(field, message);
  }

  public static FormFieldValidationException error(String field, String message, Throwable cause) {
    return new FormFieldValidationException(field, message, cause);
  }
}
