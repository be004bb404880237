package jp.vulnreport.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without credentials and secrets from the environment, or with anything meant for
 * a developer's machine switched on (demo users, the in-process mail server, the H2 console, the
 * demo password), unless every active profile is a development or test profile. A production
 * profile beside {@code local} (e.g. {@code local,postgres}) is guarded like production alone.
 * Runs before the application context, so nothing is created first.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

  /** The developer's machine ({@code local}) and the tests ({@code test}, {@code test-postgres}). */
  static final Set<String> RELAXED_PROFILES = Set.of("local", "test", "test-postgres");
  static final Set<String> WEAK_PASSWORDS = Set.of("demo", "admin", "password", "changeme");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    List<String> active = Arrays.asList(env.getActiveProfiles());
    if (relaxed(active.isEmpty() ? Arrays.asList(env.getDefaultProfiles()) : active)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String adminPassword = property(env, "camunda.bpm.admin-user.password", problems);
    if (property(env, "camunda.bpm.admin-user.id", problems) == null) {
      problems.add("no administrator: set CAMUNDA_BPM_ADMINUSER_ID and CAMUNDA_BPM_ADMINUSER_PASSWORD");
    } else if (adminPassword == null || adminPassword.length() < 12 || WEAK_PASSWORDS.contains(adminPassword)) {
      problems.add("the administrator's password (CAMUNDA_BPM_ADMINUSER_PASSWORD) must be at least 12 characters "
          + "and not a demo password");
    }
    String url = property(env, "spring.datasource.url", problems);
    if (url != null && url.startsWith("jdbc:h2:")) {
      problems.add("the embedded H2 database is for the local profile; use the postgres profile and VULNREPORT_DB_URL");
    }
    if (isBlank(property(env, "spring.datasource.password", problems))) {
      problems.add("no database password (VULNREPORT_DB_PASSWORD)");
    }
    if (env.getProperty("vulnreport.demo-users.enabled", Boolean.class, false)) {
      problems.add("demo users are switched on (vulnreport.demo-users.enabled)");
    }
    if (env.getProperty("vulnreport.local-mail.enabled", Boolean.class, false)) {
      problems.add("the in-process mail server is switched on (vulnreport.local-mail.enabled)");
    }
    if (env.getProperty("spring.h2.console.enabled", Boolean.class, false)) {
      problems.add("the H2 console is switched on (spring.h2.console.enabled)");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Refusing to start with profiles " + active + ": " + String.join("; ", problems));
    }
  }

  /** Only when every profile in effect is a development or test one (and there is at least one). */
  static boolean relaxed(List<String> profiles) {
    return !profiles.isEmpty() && RELAXED_PROFILES.containsAll(profiles);
  }

  /** The property, or null with a problem noted when it names an environment variable that is not set. */
  private static String property(ConfigurableEnvironment env, String name, List<String> problems) {
    try {
      return env.getProperty(name);
    } catch (IllegalArgumentException unresolved) {
      problems.add(name + " needs an environment variable that is not set (" + unresolved.getMessage() + ")");
      return null;
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
