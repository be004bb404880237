package jp.vulnreport.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import jp.vulnreport.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The per-address throttle of failed logins, with a clock the test moves: one address at a time. */
class LoginThrottleFilterTest {

  final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  /** Three failures at once, one more every 20 minutes. */
  final RateLimiter failures = new RateLimiter(3, Duration.ofHours(1), nanos::get);
  final LoginThrottleFilter filter = new LoginThrottleFilter(failures, "/camunda");
  /** How often the password check behind the filter was reached. */
  final AtomicInteger checked = new AtomicInteger();

  @Test
  void failuresOfOneAddressBlockItButNotOthers() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(basic("10.0.0.1", false).getStatus()).isEqualTo(401);
    }
    assertThat(checked).hasValue(3);

    MockHttpServletResponse refused = basic("10.0.0.1", true);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo(Long.toString(20 * 60));
    assertThat(checked).as("a refused attempt never reaches the password check").hasValue(3);

    assertThat(basic("10.0.0.2", true).getStatus()).isEqualTo(200);
    assertThat(checked).hasValue(4);
  }

  @Test
  void anAddressGetsAnotherTryAsTheBucketRefills() throws Exception {
    for (int i = 0; i < 3; i++) {
      basic("10.0.0.1", false);
    }
    nanos.addAndGet(TimeUnit.MINUTES.toNanos(19));
    MockHttpServletResponse refused = basic("10.0.0.1", true);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("60");

    nanos.addAndGet(TimeUnit.MINUTES.toNanos(1));
    assertThat(basic("10.0.0.1", true).getStatus()).isEqualTo(200);
  }

  @Test
  void successfulLoginsAndRequestsWithoutCredentialsDoNotCount() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(basic("10.0.0.1", true).getStatus()).isEqualTo(200);
      MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/engine-rest/task");
      anonymous.setRemoteAddr("10.0.0.1");
      assertThat(run(anonymous, false).getStatus()).isEqualTo(401);
    }
    assertThat(failures.check("10.0.0.1")).isZero();
  }

  @Test
  void theWebappLoginFormCounts() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(run(webappLogin(), false).getStatus()).isEqualTo(401);
    }
    assertThat(run(webappLogin(), true).getStatus()).isEqualTo(429);
    MockHttpServletRequest other = new MockHttpServletRequest("GET", "/camunda/api/admin/auth/user/default");
    other.setRemoteAddr("10.0.0.1");
    assertThat(filter.isLoginAttempt(other)).as("the session status is not a login").isFalse();
  }

  private MockHttpServletRequest webappLogin() {
    MockHttpServletRequest request = new MockHttpServletRequest("POST",
        "/camunda/api/admin/auth/user/default/login/tasklist");
    request.setRemoteAddr("10.0.0.1");
    return request;
  }

  /** An HTTP Basic request to /engine-rest from {@code address}; the password is right or not. */
  private MockHttpServletResponse basic(String address, boolean rightPassword) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/task");
    request.setRemoteAddr(address);
    request.addHeader("Authorization", Http.basic("liaison1", rightPassword ? "demo" : "wrong"));
    return run(request, rightPassword);
  }

  /** Runs the filter in front of a password check that succeeds or fails. */
  private MockHttpServletResponse run(MockHttpServletRequest request, boolean rightPassword) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {
      checked.incrementAndGet();
      ((HttpServletResponse) res).setStatus(rightPassword ? 200 : 401);
    });
    return response;
  }
}
