package cymru.calon.query.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The pages' language: {@code ?lang=cy} or {@code ?lang=en} on any page switches it and a cookie
 * keeps it; without either, the browser's preference (Welsh if it asks for Welsh), else English.
 */
@Configuration
public class PagesConfiguration implements WebMvcConfigurer {
  public static final String LANGUAGE_PARAMETER = "lang";
  public static final String LANGUAGE_COOKIE = "calon_lang";

  @Bean
  public MessageSource messageSource() {
    return new IcuMessageSource();
  }

  @Bean
  public LocaleResolver localeResolver() {
    CookieLocaleResolver cookie = new SupportedLanguages(LANGUAGE_COOKIE);
    cookie.setCookieMaxAge(Duration.ofDays(365));
    cookie.setCookieSameSite("Lax");
    cookie.setDefaultLocaleFunction(request -> Languages.of(request.getLocale()));
    return cookie;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName(LANGUAGE_PARAMETER);
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }

  /** Only English and Welsh are ever set or resolved. */
  private static final class SupportedLanguages extends CookieLocaleResolver {
    SupportedLanguages(String cookieName) {
      super(cookieName);
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
      return new SimpleLocaleContext(Languages.of(super.resolveLocaleContext(request).getLocale()));
    }

    @Override
    public void setLocaleContext(
        HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
      super.setLocaleContext(
          request,
          response,
          new SimpleLocaleContext(Languages.of(context == null ? null : context.getLocale())));
    }
  }
}
