package jp.vulnreport.security;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Authentication for the engine REST API and our staff APIs (the public report API stays anonymous). */
@Configuration
public class WebSecurityConfig {

  /** The starter leaves {@code /engine-rest} open (reference/stack.md gotcha 8): require HTTP Basic. */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    reg.addUrlPatterns("/engine-rest/*");
    reg.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    reg.setName("engine-rest-authentication");
    reg.setOrder(10);
    return reg;
  }

  /**
   * The write side of the engine's API, for /engine-rest and the webapps' own engine API alike:
   * staff work tasks through their forms and start processes through their start forms; every other
   * write is for administrators ({@link EngineApiGuard}). After /engine-rest's authentication.
   */
  @Bean
  FilterRegistrationBean<EngineApiGuard> engineApiGuard(IdentityService identityService, FormContracts forms,
      com.fasterxml.jackson.databind.ObjectMapper json,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<EngineApiGuard> reg =
        new FilterRegistrationBean<>(new EngineApiGuard(identityService, forms, json, webappPath));
    reg.addUrlPatterns("/engine-rest/*", EngineApiRequest.normalise(webappPath) + "/api/engine/*");
    reg.setName("engine-api-guard");
    reg.setOrder(20);
    return reg;
  }

  /**
   * Rate limits for anonymous clients on the public surfaces: report submissions, the report page
   * and the private-link pages (before anything else reads the request).
   */
  @Bean
  @ConditionalOnProperty(name = "vulnreport.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<RateLimitFilter> rateLimit(RateLimitProperties properties) {
    FilterRegistrationBean<RateLimitFilter> reg = new FilterRegistrationBean<>(new RateLimitFilter(properties));
    reg.addUrlPatterns("/api/reports/*", "/report/*", "/status/*", "/developer/*", "/operator/*", "/advisories",
        "/advisories/*", "/unreachable-developers", "/unreachable-developers.json", "/statistics",
        "/statistics/charts/*");
    reg.setName("public-rate-limit");
    reg.setOrder(5);
    return reg;
  }

  /**
   * Failed logins per client address, in front of every password check: {@code /engine-rest}, the
   * staff APIs (the patterns of the {@link StaffApiAuthenticationFilter} registrations) and the
   * webapps' login.
   */
  @Bean
  @ConditionalOnProperty(name = "vulnreport.login-throttle.enabled", havingValue = "true", matchIfMissing = true)
  FilterRegistrationBean<LoginThrottleFilter> loginThrottle(LoginThrottleProperties properties,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
      List<FilterRegistrationBean<StaffApiAuthenticationFilter>> staffApis) {
    FilterRegistrationBean<LoginThrottleFilter> reg =
        new FilterRegistrationBean<>(new LoginThrottleFilter(properties, webappPath));
    reg.addUrlPatterns("/engine-rest/*", webappPath + "/api/admin/auth/user/*");
    staffApis.forEach(staff -> reg.addUrlPatterns(staff.getUrlPatterns().toArray(String[]::new)));
    reg.setName("login-throttle");
    reg.setOrder(6);
    return reg;
  }

  /**
   * Case actions and case material (the case list and dossier too): the staff groups that work on
   * cases. Each endpoint narrows this to its own groups ({@link StaffApiAuthenticationFilter#requireGroup});
   * liaison reads only the dossier and the case list.
   */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> staffApiAuthentication(IdentityService identityService) {
    return staff(identityService, "staff-api-authentication", 11,
        Set.of(Groups.RECEIPT, Groups.ANALYST, Groups.COORDINATION, Groups.LIAISON, Groups.MANAGER),
        "/api/cases", "/api/cases/*");
  }

  /** The deadline board's open deadlines across cases: managers and process owners. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> deadlineApiAuthentication(IdentityService identityService) {
    return staff(identityService, "deadline-api-authentication", 17, Set.of(Groups.MANAGER, Groups.PROCESS_OWNER),
        "/api/deadlines/*");
  }

  /** The audit timelines of cases: managers. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> auditApiAuthentication(IdentityService identityService) {
    return staff(identityService, "audit-api-authentication", 12, Set.of(Groups.MANAGER), "/api/audit/*");
  }

  /** The government-notification evidence and events: liaison and managers. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> governmentApiAuthentication(IdentityService identityService) {
    return staff(identityService, "government-api-authentication", 13, Set.of(Groups.LIAISON, Groups.MANAGER),
        "/api/government-notifications", "/api/government-notifications/*", "/api/government-notifications.csv");
  }

  /** The registry of priority information recipients: liaison and managers (managers change it). */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> priorityRecipientsApiAuthentication(
      IdentityService identityService) {
    return staff(identityService, "priority-recipients-api-authentication", 14,
        Set.of(Groups.LIAISON, Groups.MANAGER), "/api/priority-recipients", "/api/priority-recipients/*");
  }

  /** The registry of product developers: coordination (changes it) and managers (read it). */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> developersApiAuthentication(IdentityService identityService) {
    return staff(identityService, "developers-api-authentication", 15,
        Set.of(Groups.COORDINATION, Groups.MANAGER), "/api/developers", "/api/developers/*");
  }

  /** The record of deployments (the deployment gate's answers): managers and process owners. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> deploymentRecordApiAuthentication(
      IdentityService identityService) {
    return staff(identityService, "deployment-record-api-authentication", 16,
        Set.of(Groups.MANAGER, Groups.PROCESS_OWNER), "/api/deployments", "/api/deployments/*");
  }

  /** The statistics (JSON, CSV, PDF and the staff page): managers everything, liaison the government part. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> statisticsAuthentication(IdentityService identityService) {
    return staff(identityService, "statistics-authentication", 18, Set.of(Groups.LIAISON, Groups.MANAGER),
        "/api/statistics", "/api/statistics.csv", "/api/statistics.pdf", "/statistics/staff",
        "/statistics/staff/charts/*");
  }

  /** The policy page (deadline policy and criteria in force, read-only): every staff group and process owners. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> policyPageAuthentication(IdentityService identityService) {
    Set<String> groups = new java.util.HashSet<>(Groups.STAFF);
    groups.add(Groups.PROCESS_OWNER);
    return staff(identityService, "policy-page-authentication", 19, groups, "/policy");
  }

  /** HTTP Basic against Camunda's users for {@code patterns}; members of {@code groups} (and admins) pass. */
  private static FilterRegistrationBean<StaffApiAuthenticationFilter> staff(IdentityService identityService,
      String name, int order, Set<String> groups, String... patterns) {
    Set<String> allowed = new java.util.HashSet<>(groups);
    allowed.add(Groups.ADMIN);
    FilterRegistrationBean<StaffApiAuthenticationFilter> reg =
        new FilterRegistrationBean<>(new StaffApiAuthenticationFilter(identityService, Set.copyOf(allowed)));
    reg.addUrlPatterns(patterns);
    reg.setName(name);
    reg.setOrder(order);
    return reg;
  }
}
