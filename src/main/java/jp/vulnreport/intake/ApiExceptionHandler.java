package jp.vulnreport.intake;

import java.util.List;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseNotFoundException;
import jp.vulnreport.links.LinkRefusedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of our APIs as RFC 9457 problem details (415, 405 ... come from the base class). */
@RestControllerAdvice(annotations = RestController.class)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ReportValidationException.class)
  ProblemDetail invalid(ReportValidationException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid report",
        "The report has " + e.errors().size() + " invalid field(s); nothing was stored.");
    p.setProperty("errors", e.errors());
    return p;
  }

  @ExceptionHandler(MalformedRequestException.class)
  ProblemDetail malformed(MalformedRequestException e) {
    return problem(HttpStatus.BAD_REQUEST, "Malformed request", e.getMessage());
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badArgument(IllegalArgumentException e) {
    ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    p.setProperty("errors", e instanceof jp.vulnreport.coordination.CveIds.InUse
        ? List.of(new FieldError(jp.vulnreport.coordination.CveIds.InUse.FIELD, e.getMessage())) : List.of());
    return p;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage());
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ProblemDetail notFound(CaseNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", "No such case, or the token does not match it.");
  }

  @ExceptionHandler(jp.vulnreport.coordination.DeveloperNotFoundException.class)
  ProblemDetail developerNotFound(jp.vulnreport.coordination.DeveloperNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(LinkRefusedException.class)
  ProblemDetail linkRefused(LinkRefusedException e) {
    ProblemDetail p = problem(HttpStatus.FORBIDDEN, "Link no longer valid", e.getMessage()
        + " Ask the IPA vulnerability report desk for a new one.");
    p.setProperty("reason", e.reason().name());
    return p;
  }

  @ExceptionHandler(CaseConflictException.class)
  ProblemDetail conflict(CaseConflictException e) {
    return problem(HttpStatus.CONFLICT, "Not possible in the case's current state", e.getMessage());
  }

  @ExceptionHandler(jp.vulnreport.security.StaffForbiddenException.class)
  ProblemDetail staffForbidden(jp.vulnreport.security.StaffForbiddenException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  @ExceptionHandler(org.camunda.bpm.engine.AuthorizationException.class)
  ProblemDetail forbidden(org.camunda.bpm.engine.AuthorizationException e) {
    return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage());
  }

  private static ProblemDetail problem(HttpStatus status, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setTitle(title);
    return p;
  }
}
