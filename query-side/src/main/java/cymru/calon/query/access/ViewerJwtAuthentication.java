package cymru.calon.query.access;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A valid bearer token and the viewer its claims make, if they make one: a token that is signed and
 * current but whose claims name no valid role and scope is authenticated without a viewer, so it is
 * answered {@code 403}, not {@code 401}, and never reaches a controller.
 */
final class ViewerJwtAuthentication extends JwtAuthenticationToken {
  private final transient Optional<Viewer> viewer;
  private final String invalidBecause;

  private ViewerJwtAuthentication(Jwt jwt, Viewer viewer, String name, String invalidBecause) {
    super(
        jwt,
        viewer == null
            ? List.of()
            : List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())),
        name);
    this.viewer = Optional.ofNullable(viewer);
    this.invalidBecause = invalidBecause;
  }

  static ViewerJwtAuthentication valid(Jwt jwt, Viewer viewer) {
    return new ViewerJwtAuthentication(jwt, viewer, viewer.username(), null);
  }

  static ViewerJwtAuthentication invalid(Jwt jwt, String name, String because) {
    return new ViewerJwtAuthentication(jwt, null, name, because);
  }

  Optional<Viewer> viewer() {
    return viewer;
  }

  /** Why the claims make no viewer (names claims, never their values), or null. */
  String invalidBecause() {
    return invalidBecause;
  }
}
