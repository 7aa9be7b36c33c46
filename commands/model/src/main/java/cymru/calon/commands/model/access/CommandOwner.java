package cymru.calon.commands.model.access;

import cymru.calon.commands.api.ids.CommissionerId;
import cymru.calon.commands.api.ids.OrganisationId;
import java.util.Optional;

/**
 * Who may issue a command: provider staff of one organisation, or one commissioner. The party is
 * unknown ({@code Optional.empty()}) only when the record the command names does not exist yet or
 * at all; the command then goes on to be refused as not found by its aggregate (or to create the
 * record, when the command itself names the owner, as {@code RecordWorkerJoined} does).
 */
public record CommandOwner(Party party, Optional<?> id) {
  /** The kind of caller a command is for. */
  public enum Party {
    ORGANISATION,
    COMMISSIONER
  }

  public static CommandOwner organisation(OrganisationId organisation) {
    return new CommandOwner(Party.ORGANISATION, Optional.ofNullable(organisation));
  }

  public static CommandOwner organisation(Optional<OrganisationId> organisation) {
    return new CommandOwner(Party.ORGANISATION, organisation);
  }

  public static CommandOwner commissioner(CommissionerId commissioner) {
    return new CommandOwner(Party.COMMISSIONER, Optional.ofNullable(commissioner));
  }

  public static CommandOwner commissioner(Optional<CommissionerId> commissioner) {
    return new CommandOwner(Party.COMMISSIONER, commissioner);
  }
}
