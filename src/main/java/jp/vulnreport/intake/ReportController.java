package jp.vulnreport.intake;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import jp.vulnreport.AppProperties;
import jp.vulnreport.cases.CaseCommands;
import jp.vulnreport.cases.CaseNotFoundException;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.links.LinkAudience;
import jp.vulnreport.links.PrivateLinks;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public report API (anonymous by design; DESIGN.md §5). */
@RestController
@RequestMapping("/api/reports")
public class ReportController {

  /** The discoverer's answer to a question. */
  public record Reply(@JsonProperty(required = true) String message) {}

  private final IntakeService intake;
  private final ReportParser parser;
  private final CaseRegister register;
  private final CaseCommands commands;
  private final int maxBodyBytes;
  private final PrivateLinks privateLinks;
  private final ReportValidator validator;

  public ReportController(IntakeService intake, ReportParser parser, CaseRegister register, CaseCommands commands,
      AppProperties properties, PrivateLinks privateLinks, ReportValidator validator) {
    this.validator = validator;
    this.privateLinks = privateLinks;
    this.intake = intake;
    this.parser = parser;
    this.register = register;
    this.commands = commands;
    this.maxBodyBytes = properties.intake().maxBodyBytes();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<IntakeReceipt> submit(HttpServletRequest request) throws IOException {
    ReportSubmission report = parser.parse(body(request), ReportSubmission.class);
    IntakeReceipt receipt = intake.submit(report);
    return ResponseEntity.created(URI.create("/api/reports/" + receipt.trackingNumber())).body(receipt);
  }

  @PostMapping(path = "/{trackingNumber}/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Void> reply(@PathVariable String trackingNumber,
      @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
      HttpServletRequest request) throws IOException {
    if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7) {
      return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"status token\"").build();
    }
    Reply reply = parser.parse(body(request), Reply.class);
    validator.validateReply("message", reply.message());
    PrivateLinks.PrivateLink link = privateLinks.use(authorization.substring(7).strip(), LinkAudience.DISCOVERER,
            "REPLY", request.getRemoteAddr())
        .filter(l -> l.trackingNumber().equals(trackingNumber))
        .orElseThrow(() -> new CaseNotFoundException(trackingNumber));
    commands.answerClarification(register.get(link.trackingNumber()), reply.message());
    return ResponseEntity.status(HttpStatus.ACCEPTED).build();
  }

  private byte[] body(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > maxBodyBytes) {
      throw new PayloadTooLargeException(maxBodyBytes);
    }
    try (InputStream in = request.getInputStream()) {
      byte[] bytes = in.readNBytes(maxBodyBytes + 1);
      if (bytes.length > maxBodyBytes) {
        throw new PayloadTooLargeException(maxBodyBytes);
      }
      return bytes;
    }
  }
}
