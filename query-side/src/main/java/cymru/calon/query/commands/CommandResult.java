package cymru.calon.query.commands;

import cymru.calon.commands.api.CommandStatus;
import java.util.UUID;

public record CommandResult(UUID commandId, CommandStatus status) {}
