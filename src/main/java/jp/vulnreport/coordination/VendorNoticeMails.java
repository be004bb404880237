package jp.vulnreport.coordination;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.vulnreport.government.GovernmentNotices;
import jp.vulnreport.government.GovernmentNotification;
import jp.vulnreport.government.VendorRequests;
import jp.vulnreport.notification.MailRecords;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells a case's developers that the Cabinet Office was notified: each developer identified in
 * coordination, at its contact point (or the registry's addresses while none is named), with the
 * developer-government-notice mail (Japanese, English beside it) and a private link on which it can
 * ask for zero-day handling. Who was told, when and how goes into the register (vr_vendor_notice).
 */
@Service
public class VendorNoticeMails {

  /** The government track's message: a developer's contact point became known after the notice. */
  public static final String MSG_VENDOR_CONTACT_KNOWN = "Msg_VendorContactKnown";
  static final String TEMPLATE = "developer-government-notice";

  private final Coordinations coordinations;
  private final DeveloperMails mails;
  private final VendorRequests vendor;
  private final GovernmentNotices notices;
  private final RuntimeService runtime;

  public VendorNoticeMails(Coordinations coordinations, DeveloperMails mails, VendorRequests vendor,
      GovernmentNotices notices, RuntimeService runtime) {
    this.coordinations = coordinations;
    this.mails = mails;
    this.vendor = vendor;
    this.notices = notices;
    this.runtime = runtime;
  }

  /**
   * Mails every developer of the case not yet told of the notice; {@code keyPrefix} + developer id is
   * each mail's idempotency key. Returns the ids of the developers told now.
   */
  @Transactional
  public List<String> tellDevelopers(String trackingNumber, String keyPrefix, boolean late) {
    List<String> told = new ArrayList<>();
    for (Coordinations.Coordination k : coordinations.forCase(trackingNumber)) {
      if (vendor.wasTold(trackingNumber, k.developerId())) {
        continue;
      }
      tell(trackingNumber, k, keyPrefix + ":" + k.developerId(), late);
      told.add(k.developerId());
    }
    return told;
  }

  /** Mails one developer (coordination's own "tell the developers" step uses it too) and records it. */
  @Transactional
  public MailRecords.MailRecord tell(String trackingNumber, String developerId, String key, boolean late) {
    return tell(trackingNumber, coordinations.get(trackingNumber, developerId), key, late);
  }

  private MailRecords.MailRecord tell(String trackingNumber, Coordinations.Coordination k, String key, boolean late) {
    MailRecords.MailRecord sent = mails.send(key, trackingNumber, k.developerId(), TEMPLATE, false, Map.of());
    if (!vendor.wasTold(trackingNumber, k.developerId())) {
      boolean contactPoint = k.contactPointEmail() != null && !k.contactPointEmail().isBlank();
      vendor.told(trackingNumber, k.developerId(), k.developerName(),
          contactPoint ? VendorRequests.Channel.CONTACT_POINT : VendorRequests.Channel.REGISTRY,
          mails.addressFor(trackingNumber, k.developerId(), TEMPLATE), sent.sentAt(), sent.messageId(), late);
    }
    return sent;
  }

  /**
   * A developer named its contact point: when the notice already went out and this developer was not
   * told of it (identified after the notice), the running government track tells it now.
   */
  @Transactional
  public void contactPointNamed(String trackingNumber, String developerId) {
    GovernmentNotification n = notices.find(trackingNumber).orElse(null);
    if (n == null || n.sentAt() == null || vendor.wasTold(trackingNumber, developerId)) {
      return;
    }
    runtime.createMessageCorrelation(MSG_VENDOR_CONTACT_KNOWN).processInstanceBusinessKey(trackingNumber)
        .correlateAllWithResult();
  }
}
