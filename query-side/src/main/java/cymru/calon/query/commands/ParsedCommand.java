package cymru.calon.query.commands;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.access.Actor;
import java.util.UUID;

/**
 * A command read off the wire, with the caller's idempotency key and who issues it.
 *
 * @param actor who issues the command, carried to the command side's access check as metadata; null
 *     for a command just read, which the command side refuses until {@link #by} names someone
 */
public record ParsedCommand(UUID commandId, Command command, Actor actor) {
  /** A command nobody has issued yet: read off the wire or generated. */
  public ParsedCommand(UUID commandId, Command command) {
    this(commandId, command, null);
  }

  /** The same command, issued by {@code actor}. */
  public ParsedCommand by(Actor actor) {
    return new ParsedCommand(commandId, command, actor);
  }
}
