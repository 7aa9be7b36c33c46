package cymru.calon.query.commands;

import cymru.calon.commands.api.CommandMetadata;
import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/** Sends a parsed command through the command bus and reports its status or its refusal. */
@Component
public class CommandDispatcher {
  private final CommandGateway gateway;

  public CommandDispatcher(CommandGateway gateway) {
    this.gateway = gateway;
  }

  /**
   * Sends the command with its id and its actor as metadata; the command side refuses a command
   * whose {@link ParsedCommand#actor()} is null, or who may not issue it ({@code FORBIDDEN}).
   *
   * @throws CommandRejected when a rule refuses the command; nothing was stored
   */
  public CommandStatus dispatch(ParsedCommand parsed) {
    Map<String, String> metaData = new HashMap<>();
    metaData.put(CommandMetadata.COMMAND_ID, parsed.commandId().toString());
    if (parsed.actor() != null) {
      metaData.putAll(parsed.actor().toMetaData());
    }
    var message = GenericCommandMessage.asCommandMessage(parsed.command()).andMetaData(metaData);
    try {
      return gateway.sendAndWait(message);
    } catch (CommandExecutionException e) {
      throw new CommandRejected(e.<Rejection>getDetails().orElseThrow(() -> e));
    } catch (ConcurrencyException e) {
      // Another command on the same aggregate won the race; the caller may retry.
      throw new CommandRejected(
          Rejection.of(
              BusinessErrorCode.CONCURRENT_MODIFICATION,
              "Another command changed the same record at the same time; retry this one."));
    }
  }
}
