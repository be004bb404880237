package jp.vulnreport.links;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every private-link page does first: open the link (logged), or set the page's status (404
 * unknown, 410 expired or revoked) and the reason for the "link cannot be used" view.
 */
@Component
public class LinkPages {

  /** The view shown when the link may not be used. */
  public static final String INVALID_VIEW = "public/link-invalid";

  private final PrivateLinks links;

  public LinkPages(PrivateLinks links) {
    this.links = links;
  }

  public Optional<PrivateLinks.PrivateLink> open(String token, LinkAudience audience, String action,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    try {
      Optional<PrivateLinks.PrivateLink> link = links.use(token, audience, action, request.getRemoteAddr());
      if (link.isEmpty()) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("reason", "UNKNOWN");
      }
      return link;
    } catch (LinkRefusedException e) {
      response.setStatus(HttpServletResponse.SC_GONE);
      model.addAttribute("reason", e.reason().name());
      return Optional.empty();
    }
  }
}
