package cymru.calon.query.commands;

/** A request body over the configured limit; answered with 413. */
public class CommandTooLarge extends RuntimeException {
  public CommandTooLarge(int maxBytes) {
    super("A command may be at most " + maxBytes + " bytes.", null, false, false);
  }
}
