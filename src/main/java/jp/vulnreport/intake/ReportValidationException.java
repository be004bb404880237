package jp.vulnreport.intake;

import java.util.List;

/** The report is not acceptable as submitted; nothing was stored. */
public class ReportValidationException extends RuntimeException {

  private final transient List<FieldError> errors;

  public ReportValidationException(List<FieldError> errors) {
    super("The report has " + errors.size() + " invalid field(s): "
        + errors.stream().map(e -> e.field() + " (" + e.message() + ")").toList());
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
