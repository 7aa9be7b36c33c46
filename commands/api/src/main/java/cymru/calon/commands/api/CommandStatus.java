package cymru.calon.commands.api;

/** What happened to a command that was not refused. */
public enum CommandStatus {
  /** Applied now: its events are stored. */
  ACCEPTED,
  /** Applied before under the same {@code commandId} with the same content: nothing stored. */
  DUPLICATE
}
