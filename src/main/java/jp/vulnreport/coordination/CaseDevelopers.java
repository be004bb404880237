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

  /** What the coordinator decided about the developer that says it reported its own product. */
  public enum SelfReportDecision {
    /** It is the registered developer (the one the product matches, or one chosen). */
    CONFIRM_REGISTERED,
    /** It is not registered: register it from the report. */
    REGISTER_NEW,
    /** Not handled as a self-report: the developers are identified and contacted as usual. */
    DECLINE
  }

  /** The registered developer the self-reported product matches directly (purl, CPE, name), if any. */
  public java.util.Optional<String> selfReportMatch(String trackingNumber) {
    ReportSubmission.Product p = reports.get(trackingNumber).product();
    if (p == null) {
      return java.util.Optional.empty();
    }
    return matcher.suggest(p.developer(), p.name(), p.purl(), p.cpe()).stream()
        .filter(s -> s.role() == DeveloperMatcher.Role.DIRECT).map(DeveloperMatcher.Suggestion::developerId)
        .findFirst();
  }

  /**
   * What the coordinator reads before confirming a self-report: who filed it (organisation, person,
   * address), the developer named in the report, and the registry's match with its registered
   * addresses (and whether the reporter's address is one of them).
   */
  public String selfReportFacts(String trackingNumber) {
    ReportSubmission.Product p = reports.get(trackingNumber).product();
    var reporter = register.reporter(register.get(trackingNumber).reporterId()).orElse(null);
    StringBuilder sb = new StringBuilder();
    sb.append("届出者の組織: ").append(reporter == null || reporter.organization() == null ? "-" : reporter.organization())
        .append('\n');
    sb.append("届出者（連絡窓口）: ").append(reporter == null ? "-" : reporter.name() + " <" + reporter.email() + ">")
        .append('\n');
    sb.append("届出に記載の製品開発者: ").append(p == null || p.developer() == null ? "-" : p.developer()).append('\n');
    String match = selfReportMatch(trackingNumber).orElse(null);
    if (match == null) {
      sb.append("登録簿との照合: 一致する登録済みの開発者はありません");
    } else {
      DeveloperRegistry.Developer d = registry.get(match);
      boolean known = reporter != null && registeredAddress(d, reporter.email());
      sb.append("登録簿との照合: ").append(d.name()).append("（").append(d.id()).append("）\n")
          .append("登録簿の連絡先: ").append(String.join(", ", d.contactEmails())).append('\n')
          .append(known ? "届出者のアドレスは登録簿の連絡先の一つです"
              : "注意: 届出者のアドレスは登録簿の連絡先にありません。別の手段（電話、登録簿の連絡先への問い合わせ等）で"
                  + "確認できない限り、専用リンクは登録簿の連絡先へ送られます");
    }
    return sb.toString();
  }

  private static boolean registeredAddress(DeveloperRegistry.Developer d, String email) {
    return email != null && d.contactEmails().stream().anyMatch(a -> a.strip().equalsIgnoreCase(email.strip()));
  }

  /**
   * A developer's report about its own product (自社製品届出), as a coordinator confirmed it: the
   * reporting developer becomes the case's only developer without identification or first contact.
   * Nothing is registered or adopted without a person's confirmation ({@code confirmedBy} is the
   * coordinator, never the system).
   *
   * <ul>
   *   <li>{@link SelfReportDecision#CONFIRM_REGISTERED}: the registered developer {@code developerId}
   *       (blank: the one the product matches). Its contact point is the reporter only when the
   *       reporter's address is one of the registry's addresses or the coordinator confirmed it by
   *       another channel ({@code contactVerified}); otherwise no contact point is set and its mails
   *       (the private link) go to the registry's addresses, as after a first contact.
   *   <li>{@link SelfReportDecision#REGISTER_NEW}: registered from the report with the reporter's
   *       address (the coordinator confirmed it), which is the contact point.
   * </ul>
   * The hand-off is the start date (起算日); its part is ready (affected, it reported it), so
   * coordination goes straight to agreeing the publication. Returns the developer's id. Errors a
   * coordinator can fix are {@link IllegalArgumentException}s naming the field.
   */
  @Transactional
  public String adoptReporter(String trackingNumber, SelfReportDecision decision, String developerId,
      boolean contactVerified, String confirmedBy) {
    if (confirmedBy == null || confirmedBy.isBlank() || CaseRegister.SYSTEM.equals(confirmedBy)) {
      throw new IllegalStateException("a coordinator must confirm the reporting developer of " + trackingNumber);
    }
    if (decision == null || decision == SelfReportDecision.DECLINE) {
      throw new IllegalStateException("the self-report " + trackingNumber + " was not confirmed");
    }
    ReportSubmission.Product p = reports.get(trackingNumber).product();
    if (p == null) {
      throw new IllegalStateException("the self-report " + trackingNumber + " has no product");
    }
    var reporter = register.reporter(register.get(trackingNumber).reporterId())
        .orElseThrow(() -> new IllegalStateException("no reporter for " + trackingNumber));
    String id;
    boolean reporterIsContact;
    if (decision == SelfReportDecision.CONFIRM_REGISTERED) {
      id = developerId == null || developerId.isBlank() ? selfReportMatch(trackingNumber).orElse(null) : developerId.strip();
      if (id == null || registry.find(id).isEmpty()) {
        throw new IllegalArgumentException("selfReportDeveloperId");
      }
      reporterIsContact = registeredAddress(registry.get(id), reporter.email()) || contactVerified;
    } else {
      if (!MailAddresses.valid(reporter.email())) {
        throw new IllegalArgumentException("selfReportDecision");
      }
      String name = p.developer() == null || p.developer().isBlank() ? reporter.organization() : p.developer();
      id = "dev-" + UUID.randomUUID().toString().substring(0, 8);
      registry.save(new DeveloperRegistry.Developer(id, name.strip(), DeveloperRegistry.RegistrationType.GENERAL,
          List.of(reporter.email()), null, List.of()));
      register.event(trackingNumber, confirmedBy, "DEVELOPER_REGISTERED", id + " " + name.strip()
          + "（自社製品届出の届出者。調整担当が確認）");
      reporterIsContact = true;
    }
    register.event(trackingNumber, confirmedBy, "SELF_REPORT_CONFIRMED", id + (reporterIsContact
        ? "（窓口＝届出者 " + reporter.email() + "）" : "（届出者のアドレスは未確認のため、窓口は登録簿の連絡先）"));
    coordinations.open(trackingNumber, List.of(new Coordinations.Selected(id, "DIRECT")), confirmedBy);
    if (reporterIsContact) {
      coordinations.contactPoint(trackingNumber, id, reporter.name(), reporter.email(), confirmedBy);
    }
    coordinations.firstContact(trackingNumber, id, register.now());
    coordinations.response(trackingNumber, id, new Coordinations.Response(Coordinations.Status.AFFECTED, null, null,
        null, null, null, null), confirmedBy);
    coordinations.outcome(trackingNumber, id, Coordinations.Outcome.READY);
    return id;
  }

  /** The coordinator declined handling the report as the developer's own: identified and contacted as usual. */
  public void declineSelfReport(String trackingNumber, String note, String actor) {
    register.event(trackingNumber, actor, "SELF_REPORT_DECLINED", note == null || note.isBlank() ? "-" : note.strip());
  }

  /** Whether a coordinator confirmed the case's self-report (the advisory then says who reported it). */
  public boolean selfReportConfirmed(String trackingNumber) {
    return register.timeline(trackingNumber).stream().anyMatch(e -> "SELF_REPORT_CONFIRMED".equals(e.type()));
  }

  /** The developer adopted by the confirmed self-report (for the diagram's next step). */
  public String adoptedReporter(String trackingNumber) {
    if (!selfReportConfirmed(trackingNumber)) {
      throw new IllegalStateException("the self-report " + trackingNumber + " was not confirmed by a coordinator");
    }
    return coordinations.forCase(trackingNumber).stream().map(Coordinations.Coordination::developerId).findFirst()
        .orElseThrow(() -> new IllegalStateException("no developer adopted in " + trackingNumber));
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

  /** The most developers offered as choices in 製品開発者の特定 (the suggestions first, then the registry by name). */
  public static final int MAX_CHOICES = 200;

  /** One choice of the developer list: a label as staff read it and the developer's id. */
  public record Choice(String label, String value) {}

  /** Why a suggestion matched, as a short Japanese reason for a choice's label. */
  static String reasonLabel(DeveloperMatcher.Suggestion s) {
    if (s.role() == DeveloperMatcher.Role.DOWNSTREAM) {
      return "下流: 製品 " + s.productName() + " の SBOM に部品として含まれる";
    }
    return switch (s.basis()) {
      case PURL -> "purl が一致";
      case CPE -> "CPE が一致";
      case NAME -> s.productName() == null ? "開発者名が一致" : "製品名が一致";
      case SBOM -> "SBOM で照合";
    };
  }

  /**
   * The developers to choose from: the suggestions for the case's product first (strongest match
   * first, with the reason), then the other registered developers by name; at most {@link #MAX_CHOICES}.
   * Label: name — purl (or CPE or product name) and, for a suggestion, why it matched.
   */
  public List<Choice> choices(String trackingNumber) {
    java.util.Map<String, Choice> out = new java.util.LinkedHashMap<>();
    java.util.Map<String, DeveloperRegistry.Developer> all = new java.util.LinkedHashMap<>();
    for (DeveloperRegistry.Developer d : registry.summaries()) {
      all.put(d.id(), d);
    }
    for (DeveloperMatcher.Suggestion s : suggestions(trackingNumber)) {
      if (out.containsKey(s.developerId()) || out.size() >= MAX_CHOICES) {
        continue;
      }
      DeveloperRegistry.Developer d = all.get(s.developerId());
      DeveloperRegistry.Product product = d == null ? null : d.products().stream()
          .filter(p -> p.name() != null && p.name().equals(s.productName())).findFirst().orElse(null);
      String what = product != null ? productLabel(product) : d != null ? productsLabel(d) : "";
      out.put(s.developerId(), new Choice(s.developerName() + (what.isEmpty() ? "" : " — " + what)
          + "（" + reasonLabel(s) + "）", s.developerId()));
    }
    for (DeveloperRegistry.Developer d : all.values()) {
      if (out.size() >= MAX_CHOICES) {
        break;
      }
      if (!out.containsKey(d.id())) {
        String what = productsLabel(d);
        out.put(d.id(), new Choice(d.name() + (what.isEmpty() ? "" : " — " + what), d.id()));
      }
    }
    return new ArrayList<>(out.values());
  }

  private static String productLabel(DeveloperRegistry.Product p) {
    if (p.purl() != null && !p.purl().isBlank()) {
      return p.purl();
    }
    if (p.cpe() != null && !p.cpe().isBlank()) {
      return p.cpe();
    }
    return p.name() == null ? "" : p.name();
  }

  /** A developer's products for its label: the first one and how many more. */
  private static String productsLabel(DeveloperRegistry.Developer d) {
    if (d.products() == null || d.products().isEmpty()) {
      return "登録製品なし";
    }
    String first = productLabel(d.products().get(0));
    return d.products().size() == 1 ? first : first + " ほか " + (d.products().size() - 1) + " 製品";
  }

  /**
   * The coordinator's choice: registered ids (chosen from the list) and, optionally, a developer
   * entered by hand (registered on the way). Downstream when the suggestions say so for that id.
   */
  @Transactional
  public List<String> choose(String trackingNumber, List<String> ids, String newName, String newEmail, String actor) {
    Set<String> chosen = new LinkedHashSet<>();
    if (ids != null) {
      for (String id : ids) {
        if (id != null && !id.isBlank()) {
          if (registry.find(id.strip()).isEmpty()) {
            throw new IllegalArgumentException("登録簿にない開発者が選ばれました。一覧から選び直してください / not a registered developer: "
                + id.strip());
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
