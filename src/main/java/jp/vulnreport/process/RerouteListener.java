package jp.vulnreport.process;

import java.util.Set;
import jp.vulnreport.cases.CaseRecord;
import jp.vulnreport.cases.CaseRegister;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 内容確認 (complete): a report filed under the wrong category (product or website) is filed under
 * the right one without being entered again; a product report re-routed to website needs the
 * site's address (form field reroutedWebsiteUrl), which becomes the case's website URL.
 */
@Component("rerouteListener")
public class RerouteListener implements TaskListener {

  private static final Set<String> ROUTES = Set.of("SOFTWARE_PRODUCT", "WEBSITE");

  private final CaseRegister register;

  public RerouteListener(CaseRegister register) {
    this.register = register;
  }

  @Override
  public void notify(DelegateTask task) {
    String category = Variables.string(task, "category");
    String tn = Variables.trackingNumber(task);
    CaseRecord c = register.get(tn);
    // a developer's own report runs as a software-product report: not a change of category
    String registered = "DEVELOPER_SELF_REPORT".equals(c.category()) ? "SOFTWARE_PRODUCT" : c.category();
    if (category == null || category.equals(registered) || !ROUTES.contains(category)) {
      return;
    }
    String url = null;
    if (category.equals("WEBSITE")) {
      url = Variables.string(task, "websiteUrl");
      if (url == null || url.isBlank()) {
        url = Variables.string(task, "reroutedWebsiteUrl");
      }
      if (url == null || !url.strip().matches("^https?://\\S+$") || url.length() > 2000) {
        throw PersonFixable.error("reroutedWebsiteUrl", "ウェブサイトに分類し直すには、対象サイトの URL（http:// または https:// で始まるもの）"
            + "を入力してください / A website URL is needed to re-route the report to website handling.");
      }
      url = url.strip();
      task.setVariable("websiteUrl", url);
    }
    register.recategorise(tn, category, url, Actors.of(task));
  }
}
