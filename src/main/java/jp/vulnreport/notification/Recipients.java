package jp.vulnreport.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.cases.ReporterData;
import jp.vulnreport.government.GovernmentProperties;
import jp.vulnreport.security.Groups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Turns a recipient role into addresses, at send time (personal data is never copied into the process). */
@Component
public class Recipients {

  private final CaseRegister register;
  private final IdentityService identity;
  private final GovernmentProperties government;

  public Recipients(CaseRegister register, IdentityService identity, GovernmentProperties government) {
    this.register = register;
    this.identity = identity;
    this.government = government;
  }

  /** {@code contactAddress} is used for VENDOR, OPERATOR and PRIORITY_RECIPIENT only. */
  public Addressee resolve(Recipient role, CaseRecord c, String contactAddress) {
    return switch (role) {
      case DISCOVERER -> {
        ReporterData r = register.reporter(c.reporterId())
            .orElseThrow(() -> new IllegalStateException("case " + c.trackingNumber() + " has no reporter"));
        if (r.email() == null) {
          throw new IllegalStateException("the discoverer of " + c.trackingNumber() + " has no mail address (erased?)");
        }
        yield new Addressee(role, c.reporterId(), List.of(address(r.email(), r.name())), r.name() + " 様",
            r.name());
      }
      case CABINET_OFFICE -> new Addressee(role, "configured",
          List.of(address(government.cabinetOfficeAddress(), null)), "内閣府 国家サイバー統括室 ご担当者様",
          "Cabinet Office, National Cybersecurity Office");
      case OPERATOR -> new Addressee(role, "case-contact", List.of(address(contactAddress, null)),
          "ウェブサイト運営者 ご担当者様", "Website operator");
      case DEVELOPER -> new Addressee(role, "developer-contact", addresses(contactAddress),
          "製品開発者 ご担当者様", "Product security contact");
      case PRIORITY_RECIPIENT -> new Addressee(role, "priority-recipient", List.of(address(contactAddress, null)),
          "優先情報提供先 ご担当者様", "Priority information contact");
      case VENDOR -> new Addressee(role, "case-contact", List.of(address(contactAddress, null)),
          (c.productDeveloper() == null ? "" : c.productDeveloper() + " ") + "ご担当者様",
          "Product Security Team" + (c.productDeveloper() == null ? "" : " of " + c.productDeveloper()));
      case LIAISON -> group(role, Groups.LIAISON, "政府連絡担当各位", "Government liaison team");
      case MANAGER -> group(role, Groups.MANAGER, "管理者各位", "Managers");
    };
  }

  /** One or more addresses separated by commas or newlines (a developer may register several). */
  private static List<InternetAddress> addresses(String list) {
    if (list == null || list.isBlank()) {
      throw new IllegalStateException("no mail address given");
    }
    List<InternetAddress> to = new ArrayList<>();
    for (String a : list.split("[,\\n]")) {
      if (!a.isBlank()) {
        to.add(address(a, null));
      }
    }
    return to;
  }

  private Addressee group(Recipient role, String group, String greetingJa, String greetingEn) {
    List<InternetAddress> to = new ArrayList<>();
    for (User u : identity.createUserQuery().memberOfGroup(group).list()) {
      if (u.getEmail() != null && !u.getEmail().isBlank()) {
        to.add(address(u.getEmail(), null));
      }
    }
    return new Addressee(role, "group:" + group, to, greetingJa, greetingEn);
  }

  private static InternetAddress address(String mail, String name) {
    if (mail == null || mail.isBlank()) {
      throw new IllegalStateException("no mail address given");
    }
    try {
      InternetAddress a = new InternetAddress(mail.strip(), true);
      if (name != null) {
        a.setPersonal(name, StandardCharsets.UTF_8.name());
      }
      return a;
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new IllegalArgumentException("not a mail address: " + mail, e);
    }
  }
}
