package jp.vulnreport.support;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The test profile, plus "test-postgres" when the tests run with {@code -Dtest.database=postgres}:
 * one set of integration tests, run on H2 and on PostgreSQL.
 */
public class TestProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    return "postgres".equals(System.getProperty("test.database"))
        ? new String[] {"test", "test-postgres"}
        : new String[] {"test"};
  }
}
