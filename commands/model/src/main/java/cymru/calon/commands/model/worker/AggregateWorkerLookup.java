package cymru.calon.commands.model.worker;

import cymru.calon.commands.api.ids.WorkerId;
import java.util.Optional;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.stereotype.Component;

/**
 * Reads the Worker aggregate itself, never the query side, so the answer is as current as the event
 * store and consistent with the command being handled.
 */
@Component
class AggregateWorkerLookup implements WorkerLookup {
  private final Repository<Worker> workers;

  AggregateWorkerLookup(Repository<Worker> workers) {
    this.workers = workers;
  }

  @Override
  public Optional<WorkerFacts> find(WorkerId workerId) {
    try {
      return Optional.of(workers.load(workerId.toString()).invoke(Worker::facts));
    } catch (AggregateNotFoundException e) {
      return Optional.empty();
    }
  }
}
