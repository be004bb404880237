package jp.vulnreport.coordination;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.vulnreport.cases.CaseRegister;
import jp.vulnreport.intake.ReportSubmission;
import jp.vulnreport.intake.StoredReports;
import jp.vulnreport.notification.MailAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Choosing a case's developers: the registry's suggestions as coordinators read them, and the choice. */
@Service
public class CaseDevelopers {

  private final DeveloperMatcher matcher;
  private final DeveloperRegistry registry;
  private final Coordinations coordinations;
  private final StoredReports reports;
  private final CaseRegister register;

  public CaseDevelopers(DeveloperMatcher matcher, DeveloperRegistry registry, Coordinations coordinations,
      StoredReports reports, CaseRegister register) {
    this.matcher = matcher;
    this.registry = registry;
    this.coordinations = coordinations;
    this.reports = reports;
    this.register = register;
  }

  public List<DeveloperMatcher.Suggestion> suggestions(String trackingNumber) {
    ReportSubmission.Product p = reports.get(trackingNumber).product();
    return p == null ? List.of() : matcher.suggest(p.developer(), p.name(), p.purl(), p.cpe());
  }

  /** One line per suggestion: id, name, product, basis, role and evidence (read in Tasklist). */
  public String suggestionsText(String trackingNumber) {
    List<DeveloperMatcher.Suggestion> s = suggestions(trackingNumber);
    if (s.isEmpty()) {
      return "登録済みの開発者に一致するものはありません。開発者を手入力で登録してください。 / No registered developer matches.";
    }
    StringBuilder sb = new StringBuilder();
    for (DeveloperMatcher.Suggestion x : s) {
      sb.append(x.developerId()).append(" — ").append(x.developerName()).append(" / ").append(x.productName())
          .append(" [").append(x.basis()).append(", ")
          .append(x.role() == DeveloperMatcher.Role.DOWNSTREAM ? "下流の製品 downstream" : "直接 direct").append("] ")
          .append(x.evidence() == null ? "" : x.evidence()).append('\n');
    }
    return sb.toString().strip();
  }

  /**
   * The coordinator's choice: registered ids (comma or space separated) and, optionally, a developer
   * entered by hand (registered on the way). Downstream when the suggestions say so for that id.
   */
  @Transactional
  public List<String> choose(String trackingNumber, String ids, String newName, String newEmail, String actor) {
    Set<String> chosen = new LinkedHashSet<>();
    if (ids != null) {
      for (String id : ids.split("[,\\s、]+")) {
        if (!id.isBlank()) {
          if (registry.find(id.strip()).isEmpty()) {
            throw new IllegalArgumentException("登録されていない開発者 ID です / not a registered developer: " + id.strip());
          }
          chosen.add(id.strip());
        }
      }
    }
    boolean byHand = newName != null && !newName.isBlank();
    if (byHand || newEmail != null && !newEmail.isBlank()) {
      if (!byHand || !MailAddresses.valid(newEmail)) {
        throw new IllegalArgumentException("手入力の開発者には名称と有効なメールアドレスが必要です / a developer entered by hand "
            + "needs a name and a valid mail address");
      }
      String id = "dev-" + UUID.randomUUID().toString().substring(0, 8);
      registry.save(new DeveloperRegistry.Developer(id, newName.strip(), DeveloperRegistry.RegistrationType.GENERAL,
          List.of(newEmail.strip()), null, List.of()));
      register.event(trackingNumber, actor, "DEVELOPER_REGISTERED", id + " " + newName.strip());
      chosen.add(id);
    }
    if (chosen.isEmpty()) {
      throw new IllegalArgumentException("連絡する製品開発者を 1 つ以上選んでください / choose at least one developer");
    }
    List<DeveloperMatcher.Suggestion> s = suggestions(trackingNumber);
    List<Coordinations.Selected> selected = new ArrayList<>();
    for (String id : chosen) {
      boolean direct = s.stream().anyMatch(x -> x.developerId().equals(id) && x.role() == DeveloperMatcher.Role.DIRECT);
      boolean downstream = s.stream().anyMatch(x -> x.developerId().equals(id) && x.role() == DeveloperMatcher.Role.DOWNSTREAM);
      selected.add(new Coordinations.Selected(id, downstream && !direct ? "DOWNSTREAM" : "DIRECT"));
    }
    coordinations.open(trackingNumber, selected, actor);
    return new ArrayList<>(chosen);
  }
}
