package cymru.calon.query.access;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user, however they signed in (a local account by form or HTTP Basic, or an OIDC
 * bearer token).
 *
 * <p>In a controller, declare a {@link Viewer} parameter: {@link ViewerArgumentResolver} fills it
 * with the current user ({@code String page(Viewer viewer, …)}); every request that reaches a
 * controller outside the few public addresses has one. Anywhere else in the request's thread (a
 * service, an audit writer) call {@link #current()}. Never trust a viewer taken from the request's
 * parameters or body.
 */
public final class Viewers {
  private Viewers() {}

  /**
   * The user of the current request.
   *
   * @throws IllegalStateException when nobody (or a token whose claims make no valid viewer) is
   *     signed in: the security configuration lets no such request reach a controller
   */
  public static Viewer current() {
    return currentIfAny()
        .orElseThrow(() -> new IllegalStateException("Nobody is signed in on this request"));
  }

  /** The user of the current request, if someone with a valid role is signed in. */
  public static Optional<Viewer> currentIfAny() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }

  /** The viewer an authentication stands for, if it makes a valid one. */
  public static Optional<Viewer> of(Authentication authentication) {
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    if (authentication instanceof ViewerJwtAuthentication jwt) {
      return jwt.viewer();
    }
    Object principal = authentication.getPrincipal();
    if (principal instanceof LocalAccountUser user) {
      return Optional.of(user.viewer());
    }
    if (principal instanceof Viewer viewer) {
      return Optional.of(viewer);
    }
    return Optional.empty();
  }
}
