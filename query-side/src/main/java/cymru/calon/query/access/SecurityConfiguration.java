package cymru.calon.query.access;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what, before any controller runs. Everything needs a signed-in user with a valid
 * role except the health endpoints, the accessibility statement, the sign-in page and the static
 * assets. Three ways to sign in:
 *
 * <ul>
 *   <li>the sign-in page (a form; the session then carries the user, also to {@code /api} downloads
 *       linked from the pages);
 *   <li>HTTP Basic with a local account, for programs;
 *   <li>an OIDC bearer token, when {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 *       {@code jwk-set-uri} is set (its claims make the viewer: {@link OidcViewers}).
 * </ul>
 *
 * <p>Programs ({@code /api}, the OpenAPI document, the actuator) get {@code 401}/{@code 403} as
 * problems ({@link AccessProblems}); readers of pages are sent to the sign-in page, and a page they
 * may not see is a plain {@code 403} page. CSRF tokens guard every unsafe request of a signed-in
 * browser ({@link #needsCsrfToken}); a request that carries its own credentials ({@code
 * Authorization}) needs none. What each role may see is decided by the controllers ({@link
 * NoAccess}) and, for commands, on the command side.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(CalonSecurityProperties.class)
public class SecurityConfiguration implements WebMvcConfigurer {
  private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

  static {
    // the signed-in user is no request parameter
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Viewer.class);
  }

  /** Addresses answered to programs: problems, never the sign-in page. */
  static final RequestMatcher PROGRAMS =
      request -> {
        String path = path(request);
        return path.startsWith("/api/")
            || path.startsWith("/v3/api-docs")
            || path.startsWith("/actuator");
      };

  @Bean
  static PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  /** The configured accounts and any from a {@link LocalAccountSource} (the demo's). */
  @Bean
  LocalAccounts localAccounts(
      CalonSecurityProperties properties, ObjectProvider<LocalAccountSource> sources) {
    List<CalonSecurityProperties.LocalAccount> all = new ArrayList<>(properties.localAccounts());
    sources.orderedStream().forEach(source -> all.addAll(source.accounts()));
    LocalAccounts accounts = LocalAccounts.of(all);
    log.info("{} local accounts", accounts.size());
    return accounts;
  }

  /**
   * No observation of each security filter: with the actuator's registry, Spring Security wraps
   * every filter of the chain, and the authentication and authorisation managers, in an observation
   * of its own — 15% of a command request's CPU, for traces nobody reads. Requests are still
   * observed as a whole ({@code http.server.requests}).
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * The local accounts' sign-in (form and HTTP Basic): bcrypt through {@link LocalAccounts},
   * remembered for {@code calon.security.remember-checked-passwords} ({@link CheckedPasswords}).
   */
  @Bean
  AuthenticationProvider localAccountSignIn(
      LocalAccounts accounts, PasswordEncoder passwords, CalonSecurityProperties properties) {
    DaoAuthenticationProvider checker = new DaoAuthenticationProvider(accounts);
    checker.setPasswordEncoder(passwords);
    return new CheckedPasswords(checker, properties.rememberCheckedPasswords(), System::nanoTime);
  }

  @Bean
  SecurityFilterChain calonSecurity(
      HttpSecurity http,
      CalonSecurityProperties properties,
      ObjectProvider<JwtDecoder> jwtDecoder,
      JsonMapper json)
      throws Exception {
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    AccessProblems problems = new AccessProblems(json, decoder != null);
    AccessDeniedHandlerImpl pageDenied = new AccessDeniedHandlerImpl();
    pageDenied.setErrorPage("/forbidden");
    LoginUrlAuthenticationEntryPoint signIn = new LoginUrlAuthenticationEntryPoint("/login");
    AuthenticationEntryPoint entry =
        (request, response, e) -> {
          if (PROGRAMS.matches(request)) {
            problems.commence(request, response, e);
          } else {
            signIn.commence(request, response, e);
          }
        };
    AccessDeniedHandler denied =
        (request, response, e) -> {
          if (PROGRAMS.matches(request)) {
            problems.handle(request, response, e);
          } else {
            pageDenied.handle(request, response, e);
          }
        };
    HttpSessionRequestCache pages = new HttpSessionRequestCache();
    pages.setRequestMatcher(
        request -> "GET".equals(request.getMethod()) && !PROGRAMS.matches(request));

    http.authorizeHttpRequests(
            authorize ->
                authorize
                    .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/accessibility",
                        "/login",
                        "/calon/**",
                        "/favicon.ico",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .access(
                        (authentication, context) ->
                            new AuthorizationDecision(
                                Viewers.of(authentication.get()).isPresent())))
        .formLogin(form -> form.loginPage("/login").failureUrl("/login?error").permitAll())
        .httpBasic(basic -> basic.authenticationEntryPoint(problems))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(SecurityConfiguration::needsCsrfToken))
        .requestCache(cache -> cache.requestCache(pages))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(entry).accessDeniedHandler(denied));
    if (decoder != null) {
      OidcViewers viewers = new OidcViewers(properties.oidc());
      http.oauth2ResourceServer(
          oauth ->
              oauth
                  .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(viewers))
                  .authenticationEntryPoint(problems)
                  .accessDeniedHandler(denied));
    }
    return http.build();
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ViewerArgumentResolver());
  }

  /**
   * A forged cross-site request can only ride on credentials the browser adds by itself: a session
   * cookie. So an unsafe request needs its CSRF token when it comes with a session and no
   * credentials of its own ({@code Authorization}), and signing in and out always do (no one may be
   * signed in, or out, by another site). A program with no session and no credentials gets the
   * {@code 401} it would get anyway.
   */
  static boolean needsCsrfToken(HttpServletRequest request) {
    String method = request.getMethod();
    if (method.equals("GET")
        || method.equals("HEAD")
        || method.equals("OPTIONS")
        || method.equals("TRACE")) {
      return false;
    }
    if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      return false;
    }
    String path = path(request);
    return path.equals("/login")
        || path.equals("/logout")
        || request.getRequestedSessionId() != null;
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && !context.isEmpty() && uri.startsWith(context)
        ? uri.substring(context.length())
        : uri;
  }
}
