package cymru.calon.query.commands;

import cymru.calon.commands.api.Command;
import java.util.UUID;

/** A command read off the wire, with the caller's idempotency key. */
public record ParsedCommand(UUID commandId, Command command) {}
