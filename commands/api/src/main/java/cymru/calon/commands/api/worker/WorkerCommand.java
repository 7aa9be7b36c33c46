package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.ids.WorkerId;

/** Every command handled by the Worker aggregate. */
public sealed interface WorkerCommand extends Command
    permits RecordWorkerJoined, RecordWorkerLeft, RecordReflectivePractice {
  WorkerId workerId();
}
