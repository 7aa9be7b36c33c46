package cymru.calon.query.access;

/**
 * The signed-in user may not see what they asked for: a {@code 403}, as a problem with code {@code
 * FORBIDDEN} under {@code /api}, as a plain "you do not have access" page otherwise. The message
 * names what was refused and why in terms of roles, never anything of the record itself.
 */
public class NoAccess extends RuntimeException {
  public NoAccess(String detail) {
    super(detail);
  }
}
