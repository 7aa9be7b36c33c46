package cymru.calon.query.commands;

import cymru.calon.commands.api.errors.Rejection;

/** A command refused before or during handling; rendered as a problem response. */
public class CommandRejected extends RuntimeException {
  private final transient Rejection rejection;

  public CommandRejected(Rejection rejection) {
    super(rejection.code() + ": " + rejection.detail(), null, false, false);
    this.rejection = rejection;
  }

  public Rejection rejection() {
    return rejection;
  }
}
