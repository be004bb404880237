package jp.vulnreport.intake;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import jp.vulnreport.security.FormTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The public pages (report page, status page, developer and operator pages): Japanese by default,
 * English by {@code ?lang=en} (remembered in a cookie); CSRF tokens on every form; strict security
 * headers. The JSON APIs keep following Accept-Language.
 */
@Configuration
public class PublicPagesConfig implements WebMvcConfigurer {

  static final String[] PAGES = {"/", "/report", "/report/**", "/status/**", "/developer/**", "/operator/**",
      "/advisories", "/advisories/**", "/unreachable-developers", "/unreachable-developers.json"};
  public static final Locale DEFAULT = Locale.JAPANESE;

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("vr_lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(request -> isApi(request) ? request.getLocale() : DEFAULT);
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new LanguageSwitch()).addPathPatterns(PAGES);
    registry.addInterceptor(new SecurityHeaders()).addPathPatterns(PAGES);
    registry.addInterceptor(new FormTokens()).addPathPatterns(PAGES);
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  /** {@code ?lang=ja} or {@code ?lang=en} switches the language (remembered); anything else is ignored. */
  static final class LanguageSwitch implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      String lang = request.getParameter("lang");
      if ("ja".equals(lang) || "en".equals(lang)) {
        LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
        if (resolver != null) {
          resolver.setLocale(request, response, Locale.forLanguageTag(lang));
        }
      }
      return true;
    }
  }

  /**
   * No scripts but our own, no framing, no referrer (status and response pages carry the token in
   * their address), nothing cached.
   */
  static final class SecurityHeaders implements HandlerInterceptor {
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
      response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
          + "img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("X-Robots-Tag", "noindex, nofollow");
      return true;
    }
  }
}
