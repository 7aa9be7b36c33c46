package cymru.calon.query.commands;

import cymru.calon.commands.api.CommandMetadata;
import cymru.calon.commands.api.CommandStatus;
import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.errors.Rejection;
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
   * @throws CommandRejected when a rule refuses the command; nothing was stored
   */
  public CommandStatus dispatch(ParsedCommand parsed) {
    var message =
        GenericCommandMessage.asCommandMessage(parsed.command())
            .andMetaData(Map.of(CommandMetadata.COMMAND_ID, parsed.commandId().toString()));
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
