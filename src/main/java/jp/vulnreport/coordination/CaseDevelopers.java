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
  private final java.time.ZoneId zone;
  private final jp.vulnreport.government.GovernmentNotices notices;

  public CaseDevelopers(DeveloperMatcher matcher, DeveloperRegistry registry, Coordinations coordinations,
      StoredReports reports, CaseRegister register, jp.vulnreport.government.GovernmentNotices notices,
      jp.vulnreport.AppProperties properties) {
    this.notices = notices;
    this.zone = properties.timeZone();
    this.matcher = matcher;
    this.registry = registry;
    this.coordinations = coordinations;
    this.reports = reports;
    this.register = register;
  }

  /** A product of a developer affected in a case. */
  public record AffectedProduct(String name, String versions, String purl, String cpe) {}

  /**
   * The affected product for a direct developer; for a downstream one, its registered products that
   * embed the affected component (per the matching), or a description when none is registered.
   */
  public List<AffectedProduct> affectedProducts(Coordinations.Coordination k, ReportSubmission.Product reported) {
    if (!"DOWNSTREAM".equals(k.role())) {
      return List.of(new AffectedProduct(reported.name(), reported.versions(), reported.purl(), reported.cpe()));
    }
    List<String> names = matcher.suggest(reported.developer(), reported.name(), reported.purl(), reported.cpe())
        .stream().filter(s -> s.developerId().equals(k.developerId()) && s.productName() != null)
        .map(DeveloperMatcher.Suggestion::productName).toList();
    List<AffectedProduct> out = new ArrayList<>();
    for (DeveloperRegistry.Product p : registry.get(k.developerId()).products()) {
      if (names.isEmpty() || names.contains(p.name())) {
        out.add(new AffectedProduct(p.name(), "-", p.purl(), p.cpe()));
      }
    }
    return out.isEmpty() ? List.of(new AffectedProduct(reported.name() + " を含む製品", "-", null, null)) : out;
  }

  /** An entry of the public unreachable-developers list (dates in Japan time). */
  public record Listed(String developerName, java.time.LocalDate listedOn, java.time.LocalDate productsListedOn,
      List<String> products) {}

  /**
   * The public unreachable-developers list (連絡不能開発者一覧): the developer's name; three months
   * later also its affected products with their versions.
   */
  public List<Listed> unreachableList() {
    List<Listed> out = new ArrayList<>();
    for (Coordinations.Coordination k : coordinations.listedNow()) {
      List<String> products = new ArrayList<>();
      if (k.productsListedAt() != null) {
        ReportSubmission.Product reported = reports.get(k.trackingNumber()).product();
        if (reported != null) {
          for (AffectedProduct p : affectedProducts(k, reported)) {
            products.add(p.name() + ("-".equals(p.versions()) ? "" : " " + p.versions()));
          }
        }
      }
      out.add(new Listed(k.developerName(), k.listedAt().atZoneSameInstant(zone).toLocalDate(),
          k.productsListedAt() == null ? null : k.productsListedAt().atZoneSameInstant(zone).toLocalDate(), products));
    }
    return out;
  }

  /**
   * Coordinators looked at the Cabinet Office notice and decide whether the developers hear of it: not
   * before any is identified, and not when liaison withheld it after a zero-day handling request.
   */
  public void governmentNoticeReviewed(String trackingNumber, boolean inform, boolean developersIdentified, String note,
      String actor) {
    if (inform && !developersIdentified) {
      throw new IllegalArgumentException("製品開発者がまだ特定されていません。特定後は開発者へ個別に連絡してください"
          + " / no developer has been identified yet");
    }
    String decision = notices.find(trackingNumber).map(n -> n.vendorDecision()).orElse(null);
    if (inform && "WITHHELD".equals(decision)) {
      throw new IllegalArgumentException("政府連絡担当がゼロデイ取扱いの要望により開発者への連絡を見合わせています。開発者へは伝えられません"
          + " / liaison withheld the information from the vendor after a zero-day request");
    }
    register.event(trackingNumber, actor, "GOVERNMENT_NOTICE_REVIEWED",
        (inform ? "developers informed" : "developers not informed") + (note == null ? "" : ": " + note));
  }

  public List<DeveloperMatcher.Suggestion> suggestions(String trackingNumber) {
    ReportSubmission.Product p = reports.get(trackingNumber).product();
    return p == null ? List.of() : matcher.suggest(p.developer(), p.name(), p.purl(), p.cpe());
  }

  /** One line per suggestion: id, name, product, basis, role and evidence (read in Tasklist). */
  /** How a suggestion was found, as staff read it. */
  static String basisLabel(DeveloperMatcher.Basis basis) {
    return switch (basis) {
      case PURL -> "purl で照合";
      case CPE -> "CPE で照合";
      case NAME -> "名称で照合";
      case SBOM -> "SBOM で照合";
    };
  }

  public String suggestionsText(String trackingNumber) {
    List<DeveloperMatcher.Suggestion> s = suggestions(trackingNumber);
    if (s.isEmpty()) {
      return "登録済みの開発者に一致するものはありません。開発者を手入力で登録してください。";
    }
    StringBuilder sb = new StringBuilder();
    for (DeveloperMatcher.Suggestion x : s) {
      sb.append(x.developerId()).append(" — ").append(x.developerName()).append(" / ").append(x.productName())
          .append(" [").append(basisLabel(x.basis())).append("、")
          .append(x.role() == DeveloperMatcher.Role.DOWNSTREAM ? "下流の製品" : "直接").append("] ")
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
