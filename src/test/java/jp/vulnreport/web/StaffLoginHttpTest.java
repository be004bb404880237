package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.vulnreport.support.Http;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords over real HTTP, on the three entry points that check a staff password: they
 * delay the user's logins for a bounded time but never lock the account for good, and one address
 * with too many failures is answered 429 before its password is checked.
 */
class StaffLoginHttpTest extends WebServerTest {

  /** The three entry points that check a staff password. */
  enum EntryPoint { ENGINE_REST, STAFF_API, WEBAPP_LOGIN }

  /** Forwarded addresses (127.0.0.1 is the trusted proxy here), a fresh one for each use. */
  private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

  @Autowired
  JdbcTemplate jdbc;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();

  @AfterEach
  void realTime() {
    ClockUtil.reset();
  }

  /**
   * Eleven wrong passwords in a row, each after the previous delay has run out (the engine's clock
   * moved on by 61 s; Camunda's delay is at most 60 s), each from another address — an attacker with
   * many addresses, whom the per-address throttle cannot stop. Camunda's default would have locked
   * liaison1 for good at the tenth; here the right password works once the last delay is over.
   */
  @ParameterizedTest
  @EnumSource(EntryPoint.class)
  void elevenWrongPasswordsDelayButNeverLockTheAccount(EntryPoint entryPoint) throws Exception {
    long step = 61_000;
    for (int i = 1; i <= 11; i++) {
      ClockUtil.offset(step * i);
      assertThat(login(entryPoint, "liaison1", "wrong-" + i, nextAddress())).as("wrong password %d", i)
          .isEqualTo(401);
    }
    assertThat(lock("liaison1").get("ATTEMPTS_")).as("failures counted past Camunda's default limit of 10")
        .isEqualTo(11);

    // within the delay after the last failure even the right password is refused ...
    assertThat(login(entryPoint, "liaison1", "demo", nextAddress())).isEqualTo(401);
    // ... and once the (bounded) delay is over the account is not locked
    ClockUtil.offset(step * 12);
    Timestamp lockedUntil = (Timestamp) lock("liaison1").get("LOCK_EXP_TIME_");
    assertThat(lockedUntil).isNotNull().isBefore(new Timestamp(ClockUtil.getCurrentTime().getTime()));
    assertThat(login(entryPoint, "liaison1", "demo", nextAddress())).isEqualTo(200);
    Map<String, Object> after = lock("liaison1");
    assertThat(after.get("ATTEMPTS_")).isEqualTo(0);
    assertThat(after.get("LOCK_EXP_TIME_")).isNull();
  }

  /**
   * One address that keeps failing (on any entry point, for any user name) gets 429 with
   * Retry-After on all three, before its password is checked — also with a right one; another
   * address still gets in.
   */
  @Test
  void anAddressWithTooManyFailedLoginsIsAnswered429AndOthersAreNot() throws Exception {
    String attacker = nextAddress();
    EntryPoint[] entryPoints = EntryPoint.values();
    for (int i = 0; i < LOGIN_FAILURE_LIMIT; i++) {
      assertThat(login(entryPoints[i % entryPoints.length], "nobody" + i, "guess", attacker)).isEqualTo(401);
    }
    for (EntryPoint entryPoint : entryPoints) {
      HttpResponse<String> refused = send(entryPoint, "manager1", "demo", attacker);
      assertThat(refused.statusCode()).as(entryPoint.name()).isEqualTo(429);
      assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
      assertThat(refused.body()).contains("Too many failed logins");
    }
    // the refused right password was not checked: manager1 has no failure recorded
    assertThat(lock("manager1").get("ATTEMPTS_")).isIn(null, 0);

    String other = nextAddress();
    for (EntryPoint entryPoint : entryPoints) {
      assertThat(login(entryPoint, "manager1", "demo", other)).as(entryPoint.name()).isEqualTo(200);
    }
  }

  private Map<String, Object> lock(String user) {
    return jdbc.queryForMap("SELECT ATTEMPTS_, LOCK_EXP_TIME_ FROM ACT_ID_USER WHERE ID_ = ?", user);
  }

  private static String nextAddress() {
    int n = NEXT_ADDRESS.getAndIncrement();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  private int login(EntryPoint entryPoint, String user, String password, String address) throws Exception {
    return send(entryPoint, user, password, address).statusCode();
  }

  private HttpResponse<String> send(EntryPoint entryPoint, String user, String password, String address)
      throws Exception {
    HttpRequest.Builder b = switch (entryPoint) {
      case ENGINE_REST -> HttpRequest.newBuilder(URI.create(base() + "/engine-rest/task/count")).GET()
          .header("Authorization", Http.basic(user, password));
      case STAFF_API -> HttpRequest.newBuilder(URI.create(base() + "/api/government-notifications")).GET()
          .header("Authorization", Http.basic(user, password));
      case WEBAPP_LOGIN -> HttpRequest.newBuilder(
              URI.create(base() + "/camunda/api/admin/auth/user/default/login/welcome"))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", xsrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)));
    };
    return http.send(b.header("X-Forwarded-For", address).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The webapps' CSRF token (cookie and header), from opening the welcome page in this session. */
  private String xsrf() throws Exception {
    http.send(HttpRequest.newBuilder(URI.create(base() + "/camunda/app/welcome/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).findFirst().orElseThrow();
  }
}
