package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import jp.vulnreport.intake.IntakeReceipt;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.support.Cases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With a trusted proxy configured ({@code server.tomcat.remoteip.internal-proxies}, 127.0.0.1 in
 * {@link WebServerTest}), the address the proxy forwards is the client's.
 */
class TrustedProxyTest extends WebServerTest {

  @Autowired
  Cases cases;

  @Autowired
  PrivateLinks links;

  @Test
  void theForwardedAddressOfATrustedProxyIsTheClients() throws Exception {
    IntakeReceipt receipt = cases.submit("report-product");
    HttpResponse<String> page = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(base() + "/status/" + receipt.statusToken()))
            .header("X-Forwarded-For", "203.0.113.77").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);

    long linkId = links.forCase(receipt.trackingNumber()).get(0).id();
    List<String> clients = links.uses(receipt.trackingNumber(), linkId).stream().map(PrivateLinks.Use::client).toList();
    // the log keeps the network (/24), not the address
    assertThat(clients).containsExactly("203.0.113.0/24");
  }
}
