package jp.vulnreport.web;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import jp.vulnreport.security.ProductionGuard;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;
import java.util.HashMap;
import java.util.Map;

/** Every profile but local refuses to start without secrets from the environment, or with developer conveniences on. */
class ProductionGuardTest {

  final ProductionGuard guard = new ProductionGuard();

  @Test
  void postgresProfileWithoutSecretsIsRefused() {
    var env = env("postgres", Map.of("spring.datasource.url", "jdbc:postgresql://db/vulnreport"));
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining("Refusing to start").hasMessageContaining("CAMUNDA_BPM_ADMINUSER_ID")
        .hasMessageContaining("VULNREPORT_DB_PASSWORD");
  }

  @Test
  void missingEnvironmentVariablesAreNamed() {
    var env = env("postgres", Map.of("spring.datasource.url", "${VULNREPORT_DB_URL_THAT_IS_NOT_SET}"));
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining("Refusing to start").hasMessageContaining("VULNREPORT_DB_URL_THAT_IS_NOT_SET");
  }

  @Test
  void demoSettingsAreRefused() {
    Map<String, Object> p = new HashMap<>(secrets());
    p.put("camunda.bpm.admin-user.password", "demo");
    p.put("vulnreport.demo-users.enabled", "true");
    p.put("vulnreport.local-mail.enabled", "true");
    p.put("spring.h2.console.enabled", "true");
    p.put("spring.datasource.url", "jdbc:h2:file:./data/vulnreport");
    assertThatThrownBy(() -> guard.postProcessEnvironment(env("prod", p), new SpringApplication()))
        .hasMessageContaining("at least 12 characters").hasMessageContaining("demo users")
        .hasMessageContaining("in-process mail server").hasMessageContaining("H2 console")
        .hasMessageContaining("embedded H2");
  }

  @Test
  void productionWithSecretsStarts() {
    assertThatCode(() -> guard.postProcessEnvironment(env("postgres", secrets()), new SpringApplication()))
        .doesNotThrowAnyException();
  }

  @Test
  void localProfileIsRelaxed() {
    var env = new StandardEnvironment();
    env.setDefaultProfiles("local");
    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void localBesideAProductionProfileIsStillGuarded() {
    var env = env("local,postgres", Map.of("spring.datasource.url", "jdbc:postgresql://db/vulnreport",
        "vulnreport.demo-users.enabled", "true"));
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining("Refusing to start with profiles [local, postgres]")
        .hasMessageContaining("CAMUNDA_BPM_ADMINUSER_ID").hasMessageContaining("demo users");
  }

  @Test
  void testProfileBesideAnUnknownProfileIsGuarded() {
    var env = env("test,prod", Map.of("spring.datasource.url", "jdbc:h2:mem:x"));
    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .hasMessageContaining("Refusing to start").hasMessageContaining("embedded H2");
  }

  @Test
  void developmentAndTestProfilesAloneAreRelaxed() {
    for (String profiles : new String[] {"local", "test", "test,test-postgres", "local,test"}) {
      var env = env(profiles, Map.of("spring.datasource.url", "jdbc:h2:mem:x", "vulnreport.demo-users.enabled", "true",
          "camunda.bpm.admin-user.password", "demo"));
      assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).as(profiles)
          .doesNotThrowAnyException();
    }
  }

  private static Map<String, Object> secrets() {
    return Map.of("camunda.bpm.admin-user.id", "admin", "camunda.bpm.admin-user.password", "a-long-Secret-42",
        "spring.datasource.url", "jdbc:postgresql://db/vulnreport", "spring.datasource.password", "pw-from-env");
  }

  private static StandardEnvironment env(String profile, Map<String, Object> properties) {
    StandardEnvironment env = new StandardEnvironment();
    env.setActiveProfiles(profile.split(","));
    env.getPropertySources().addFirst(new MapPropertySource("test", properties));
    return env;
  }
}
