package cymru.calon.commands.api;

/** Metadata keys every command message carries. */
public final class CommandMetadata {
  /** The caller-chosen idempotency key of a command (a UUID string). */
  public static final String COMMAND_ID = "commandId";

  private CommandMetadata() {}
}
