package jp.vulnreport.coordination;

import java.util.Map;
import jp.vulnreport.cases.CaseConflictException;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.government.VendorRequests;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A developer's zero-day handling request (ゼロデイ取扱い要望: hold the information back, the fix is
 * not ready or exploitation would grow), from its private page or entered by staff on its behalf. It
 * is recorded and weighed by liaison in a ZeroDayRequest instance (one per request).
 */
@Service
public class ZeroDayRequestCommands {

  /** The process that weighs a request (processes/zero-day-request.bpmn). */
  public static final String PROCESS = "ZeroDayRequest";

  private final Coordinations coordinations;
  private final VendorRequests vendor;
  private final GovernmentNotices notices;
  private final CaseRegister register;
  private final RuntimeService runtime;

  public ZeroDayRequestCommands(Coordinations coordinations, VendorRequests vendor, GovernmentNotices notices,
      CaseRegister register, RuntimeService runtime) {
    this.coordinations = coordinations;
    this.vendor = vendor;
    this.notices = notices;
    this.register = register;
    this.runtime = runtime;
  }

  /**
   * Records the request of a developer of the case; {@code source} DEVELOPER_PAGE or STAFF.
   * IllegalArgumentException("zeroDayReason") for a missing or too long reason; CaseConflictException
   * when the developer is not one of the case's or the case is closed; ZeroDayRequestPendingException
   * while an earlier request of the developer for the case waits for liaison's decision.
   */
  @Transactional
  public long record(String trackingNumber, String developerId, String reason, String source, String actor) {
    CaseRecord c = register.get(trackingNumber);
    Coordinations.Coordination k = coordinations.find(trackingNumber, developerId)
        .orElseThrow(() -> new CaseConflictException(developerId + " is not a developer of " + trackingNumber));
    if (c.closedAt() != null) {
      throw new CaseConflictException(trackingNumber + " is closed");
    }
    if (vendor.pending(trackingNumber, developerId)) {
      // one request at a time: each starts a liaison task
      throw new ZeroDayRequestPendingException(trackingNumber, developerId);
    }
    boolean afterNotice = notices.find(trackingNumber).map(GovernmentNotification::sentAt).isPresent();
    return vendor.request(trackingNumber, developerId, k.developerName(), source, reason, actor, afterNotice);
  }

  /** Records the request and starts its weighing by liaison (the developer page and the staff API). */
  @Transactional
  public long request(String trackingNumber, String developerId, String reason, String source, String actor) {
    long id = record(trackingNumber, developerId, reason, source, actor);
    runtime.startProcessInstanceByKey(PROCESS, trackingNumber, Map.of("trackingNumber", trackingNumber,
        "zeroDayRequestId", id, "entryDeveloperId", developerId));
    return id;
  }
}
