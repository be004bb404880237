package jp.vulnreport.security;

import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
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

  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> staffApiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<StaffApiAuthenticationFilter> reg = new FilterRegistrationBean<>(
        new StaffApiAuthenticationFilter(identityService, Set.of(Groups.RECEIPT, Groups.MANAGER, Groups.ADMIN)));
    reg.addUrlPatterns("/api/cases/*");
    reg.setName("staff-api-authentication");
    reg.setOrder(11);
    return reg;
  }

  /** The audit timelines of cases: managers. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> auditApiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<StaffApiAuthenticationFilter> reg = new FilterRegistrationBean<>(
        new StaffApiAuthenticationFilter(identityService, Set.of(Groups.MANAGER, Groups.ADMIN)));
    reg.addUrlPatterns("/api/audit/*");
    reg.setName("audit-api-authentication");
    reg.setOrder(13);
    return reg;
  }

  /** The government-notification evidence and events: liaison and managers. */
  @Bean
  FilterRegistrationBean<StaffApiAuthenticationFilter> governmentApiAuthentication(IdentityService identityService) {
    FilterRegistrationBean<StaffApiAuthenticationFilter> reg = new FilterRegistrationBean<>(
        new StaffApiAuthenticationFilter(identityService, Set.of(Groups.LIAISON, Groups.MANAGER, Groups.ADMIN)));
    reg.addUrlPatterns("/api/government-notifications", "/api/government-notifications/*",
        "/api/government-notifications.csv");
    reg.setName("government-api-authentication");
    reg.setOrder(12);
    return reg;
  }
}
