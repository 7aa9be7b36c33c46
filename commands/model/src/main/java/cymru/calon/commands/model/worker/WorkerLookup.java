package cymru.calon.commands.model.worker;

import cymru.calon.commands.api.ids.WorkerId;
import java.util.Optional;

/** Command-side lookup of a worker, for the Support episode's invariants. */
@FunctionalInterface
public interface WorkerLookup {
  Optional<WorkerFacts> find(WorkerId workerId);
}
