package cymru.calon.query.web;

/** A resource the request names does not exist: a 404 problem. */
public class NotFound extends RuntimeException {
  public NotFound(String detail) {
    super(detail);
  }
}
