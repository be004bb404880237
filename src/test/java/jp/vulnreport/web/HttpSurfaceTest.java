package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** What anonymous and staff callers get over real HTTP. */
class HttpSurfaceTest extends WebServerTest {

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void engineRestRequiresCredentials() throws Exception {
    assertThat(get("/engine-rest/task", null).statusCode()).isEqualTo(401);
    // a wrong password delays that user's next logins (Camunda's brute-force protection):
    // a user no other web test logs in as
    assertThat(get("/engine-rest/process-definition", "liaison2:wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = get("/engine-rest/process-definition?key=SoftwareVulnerabilityReport", "analyst1:demo");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("SoftwareVulnerabilityReport");
  }

  @Test
  void healthProbesAnswerAnonymouslyWithStatusOnly() throws Exception {
    for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      HttpResponse<String> r = get(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).startsWith("{\"status\":\"UP\"").doesNotContain("components").doesNotContain("details");
    }
    assertThat(get("/actuator/env", null).statusCode()).isEqualTo(404);
  }

  @Test
  void webappsAreServedAndTheLocalMailboxIsNot() throws Exception {
    assertThat(get("/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(200);
    // the mailbox page exists only where the local SMTP server runs (local profile)
    assertThat(get("/local/mailbox", null).statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
    if (credentials != null) {
      String[] userAndPassword = credentials.split(":", 2);
      b.header("Authorization", jp.vulnreport.support.Http.basic(userAndPassword[0], userAndPassword[1]));
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
