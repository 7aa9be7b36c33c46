package cymru.calon.query.access;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local account as Spring Security signs it in, carrying the viewer it stands for. */
public final class LocalAccountUser extends User {
  private final Viewer viewer;

  LocalAccountUser(Viewer viewer, String passwordHash) {
    super(
        viewer.username(),
        passwordHash,
        List.of(new SimpleGrantedAuthority("ROLE_" + viewer.role().name())));
    this.viewer = viewer;
  }

  public Viewer viewer() {
    return viewer;
  }
}
