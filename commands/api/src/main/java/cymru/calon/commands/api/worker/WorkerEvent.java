package cymru.calon.commands.api.worker;

import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;

/** Every event of the Worker aggregate. */
public sealed interface WorkerEvent permits WorkerJoined, WorkerLeft, ReflectivePracticeRecorded {
  WorkerId workerId();

  Instant occurredAt();
}
