package cymru.calon.commands.model.access;

import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.WorkerCommand;
import cymru.calon.commands.model.worker.WorkerFacts;
import cymru.calon.commands.model.worker.WorkerLookup;
import java.util.Optional;

/**
 * A worker is their organisation's: the one {@code RecordWorkerJoined} names, then the one known.
 */
public final class WorkerCommandOwners implements CommandOwnerResolver<WorkerCommand> {
  private final WorkerLookup workers;

  public WorkerCommandOwners(WorkerLookup workers) {
    this.workers = workers;
  }

  @Override
  public Class<WorkerCommand> commandType() {
    return WorkerCommand.class;
  }

  @Override
  public CommandOwner ownerOf(WorkerCommand command) {
    if (command instanceof RecordWorkerJoined joined) {
      return CommandOwner.organisation(joined.organisationId());
    }
    return CommandOwner.organisation(
        Optional.ofNullable(command.workerId())
            .flatMap(workers::find)
            .map(WorkerFacts::organisationId));
  }
}
