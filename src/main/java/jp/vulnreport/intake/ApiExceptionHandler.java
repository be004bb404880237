package jp.vulnreport.intake;

import java.util.List;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Errors of our APIs as RFC 9457 problem details (415, 405 ... come from the base class). */
@RestControllerAdvice(basePackages = "jp.vulnreport")
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ReportValidationException.class)
  ProblemDetail invalid(ReportValidationException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
        "The report has " + e.errors().size() + " invalid field(s); nothing was stored.");
    p.setTitle("Invalid report");
    p.setProperty("errors", e.errors());
    return p;
  }

  @ExceptionHandler(MalformedRequestException.class)
  ProblemDetail malformed(MalformedRequestException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Malformed request");
    return p;
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ProblemDetail badArgument(IllegalArgumentException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    p.setTitle("Invalid request");
    p.setProperty("errors", List.of());
    return p;
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ProblemDetail tooLarge(PayloadTooLargeException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
    p.setTitle("Request too large");
    return p;
  }

  @ExceptionHandler(CaseNotFoundException.class)
  ProblemDetail notFound(CaseNotFoundException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "No such case, or the token does not match it.");
    p.setTitle("Not found");
    return p;
  }

  @ExceptionHandler(CaseConflictException.class)
  ProblemDetail conflict(CaseConflictException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    p.setTitle("Not possible in the case's current state");
    return p;
  }
}
