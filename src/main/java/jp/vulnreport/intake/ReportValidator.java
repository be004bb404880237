package jp.vulnreport.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import jp.vulnreport.AppProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Field rules (Bean Validation on {@link ReportSubmission}) plus the rules that span fields. */
@Component
public class ReportValidator {

  private final Validator validator;
  private final MessageSource messages;
  private final AppProperties properties;

  public ReportValidator(Validator validator, MessageSource messages, AppProperties properties) {
    this.validator = validator;
    this.messages = messages;
    this.properties = properties;
  }

  /** Throws {@link ReportValidationException} listing every invalid field. */
  public void validate(ReportSubmission report) {
    List<FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<ReportSubmission> v : validator.validate(report)) {
      errors.add(new FieldError(v.getPropertyPath().toString(), v.getMessage()));
    }
    if (report.category() == ReportCategory.SOFTWARE_PRODUCT && report.product() == null) {
      errors.add(error("product", "vulnreport.product.required"));
    }
    if (report.category() == ReportCategory.WEBSITE && report.website() == null) {
      errors.add(error("website", "vulnreport.website.required"));
    }
    if (report.reporter() != null && report.reporter().credit() != null
        && Boolean.TRUE.equals(report.reporter().credit().wanted())
        && isBlank(report.reporter().credit().displayName())) {
      errors.add(error("reporter.credit.displayName", "vulnreport.credit.displayName.required"));
    }
    LocalDate today = LocalDate.now(properties.timeZone());
    if (report.discoveredOn() != null && report.discoveredOn().isAfter(today.plusDays(1))) {
      errors.add(error("discoveredOn", "vulnreport.discoveredOn.future"));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
      throw new ReportValidationException(errors);
    }
  }

  private FieldError error(String field, String key) {
    return new FieldError(field, messages.getMessage(key, null, LocaleContextHolder.getLocale()));
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
