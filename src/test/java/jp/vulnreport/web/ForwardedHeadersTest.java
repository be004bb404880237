package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import jp.vulnreport.intake.IntakeReceipt;
import jp.vulnreport.links.PrivateLinks;
import jp.vulnreport.support.Cases;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application's own setting for forwarded headers, over real HTTP from 127.0.0.1: no proxy is
 * trusted, so a client cannot pick its address with X-Forwarded-For. (The other web tests trust
 * 127.0.0.1 as their proxy; {@link TrustedProxyTest} shows the forwarded address used there.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    // an engine of its own: WebServerTest's context owns the name "default" (only public pages here)
    "camunda.bpm.generate-unique-process-engine-name=true",
    "spring.datasource.url=jdbc:h2:mem:vulnreport-forwarded;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
    "vulnreport.rate-limit.public-pages.capacity=" + ForwardedHeadersTest.PUBLIC_LIMIT,
    "vulnreport.attachments.dir=target/test-attachments-forwarded"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ForwardedHeadersTest {

  static final int PUBLIC_LIMIT = 5;

  @LocalServerPort
  int port;

  @Autowired
  Cases cases;

  @Autowired
  PrivateLinks links;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  @Order(1)
  void theLinkUseLogRecordsTheConnectingAddressNotTheForwardedOne() throws Exception {
    IntakeReceipt receipt = cases.submit("report-product");
    HttpResponse<String> page = get("/status/" + receipt.statusToken(), "10.1.2.3");
    assertThat(page.statusCode()).isEqualTo(200);

    long linkId = links.forCase(receipt.trackingNumber()).get(0).id();
    List<String> clients = links.uses(receipt.trackingNumber(), linkId).stream().map(PrivateLinks.Use::client).toList();
    // the log keeps the network (/24), not the address
    assertThat(clients).containsExactly("127.0.0.0/24");
  }

  @Test
  @Order(2)
  void rotatingXForwardedForDoesNotEscapeTheRateLimit() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 1; i <= PUBLIC_LIMIT + 1; i++) {
      statuses.add(get("/advisories", "10.1.2." + i).statusCode());
    }
    // every request counts against 127.0.0.1, whatever address it claims
    assertThat(statuses).contains(429);
  }

  private HttpResponse<String> get(String path, String forwardedFor) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("X-Forwarded-For", forwardedFor).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
