package cymru.calon.query.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code 401} and {@code 403} for programs, as RFC 9457 problems in the shape of every other Calon
 * problem ({@code type}, {@code title}, {@code status}, {@code detail}, {@code code}): {@code
 * UNAUTHENTICATED} when nobody (or a bad password or token) signed in, {@code FORBIDDEN} when the
 * signed-in user may not. Details never repeat what was sent.
 */
final class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
  private final JsonMapper json;
  private final String challenge;

  AccessProblems(JsonMapper json, boolean bearer) {
    this.json = json;
    this.challenge = bearer ? "Basic realm=\"Calon\", Bearer" : "Basic realm=\"Calon\"";
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(
        response,
        401,
        "UNAUTHENTICATED",
        "Unauthenticated",
        request.getHeader(HttpHeaders.AUTHORIZATION) == null
            ? "Sign in: send HTTP Basic credentials of a local account or an OIDC bearer token."
            : "The credentials or the token were not accepted.");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(response, 403, "FORBIDDEN", "Forbidden", detail(e));
  }

  static String detail(AccessDeniedException e) {
    if (e instanceof CsrfException) {
      return "A signed-in browser's request that changes something needs its CSRF token.";
    }
    if (SecurityContextHolder.getContext().getAuthentication()
        instanceof ViewerJwtAuthentication jwt) {
      if (jwt.invalidBecause() != null) {
        return "The token's claims make no Calon user: " + jwt.invalidBecause() + ".";
      }
    }
    return "You do not have access to this.";
  }

  void write(HttpServletResponse response, int status, String code, String title, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "urn:calon:problem:" + code.toLowerCase(java.util.Locale.ROOT));
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("code", code);
    response.setStatus(status);
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(json.writeValueAsBytes(problem));
  }
}
