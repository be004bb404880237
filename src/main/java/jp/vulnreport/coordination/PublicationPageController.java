package jp.vulnreport.coordination;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import jp.vulnreport.deadline.DeadlinePolicy;
import jp.vulnreport.intake.PublicPage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * What is public once coordination publishes it: the advisories (JVN style, Japanese or English
 * page, and the CSAF 2.0 document) and the list of unreachable developers (連絡不能開発者一覧), as a
 * page and as a JSON feed.
 */
@Controller
@PublicPage
public class PublicationPageController {

  private final Advisories advisories;
  private final CaseDevelopers developers;
  private final DeadlinePolicy policy;

  public PublicationPageController(Advisories advisories, CaseDevelopers developers, DeadlinePolicy policy) {
    this.policy = policy;
    this.advisories = advisories;
    this.developers = developers;
  }

  @GetMapping("/advisories")
  String list(Model model) {
    model.addAttribute("advisories", advisories.allPublished());
    return "public/advisories";
  }

  @GetMapping("/advisories/{slug}")
  String advisory(@PathVariable String slug, Model model, HttpServletResponse response) {
    var a = advisories.published(slug);
    if (a.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("reason", "UNKNOWN");
      return "public/advisory-missing";
    }
    model.addAttribute("a", a.get());
    model.addAttribute("selfReportedBy", advisories.selfReportedBy(a.get().trackingNumber()).orElse(null));
    model.addAttribute("csafPath", "/advisories/" + slug + "/csaf.json");
    return "public/advisory";
  }

  @GetMapping(path = "/advisories/{slug}/csaf.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  ResponseEntity<String> csaf(@PathVariable String slug) {
    return advisories.publishedCsaf(slug).map(ResponseEntity::ok).orElse(ResponseEntity.notFound().build());
  }

  @GetMapping("/unreachable-developers")
  String unreachable(Model model) {
    model.addAttribute("entries", developers.unreachableList());
    // the period before the products are listed too, as the deadline policy says
    DeadlinePolicy.Period p = policy.period("PRODUCT_LISTING", null, null);
    model.addAttribute("productListingAmount", p.amount());
    model.addAttribute("productListingUnit", p.unit().name());
    return "public/unreachable";
  }

  @GetMapping(path = "/unreachable-developers.json", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<Map<String, Object>> unreachableFeed() {
    return developers.unreachableList().stream().map(l -> Map.<String, Object>of(
        "developer", l.developerName(), "listedOn", l.listedOn().toString(),
        "productsListedOn", l.productsListedOn() == null ? "" : l.productsListedOn().toString(),
        "products", l.products())).toList();
  }
}
