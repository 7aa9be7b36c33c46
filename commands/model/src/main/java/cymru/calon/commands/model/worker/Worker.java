package cymru.calon.commands.model.worker;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import cymru.calon.commands.api.errors.BusinessErrorCode;
import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.worker.RecordReflectivePractice;
import cymru.calon.commands.api.worker.RecordWorkerJoined;
import cymru.calon.commands.api.worker.RecordWorkerLeft;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.commands.model.rules.CommandRejectedException;
import java.time.Instant;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A member of staff of a provider organisation, from joining to leaving. Someone who returns after
 * leaving is recorded under a new {@code workerId}, so that each id has one period in post.
 */
@Aggregate(cache = "workerCache")
class Worker {
  @AggregateIdentifier private WorkerId workerId;
  private OrganisationId organisationId;
  private Instant joinedAt;
  private Instant leftAt;

  private Worker() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  void handle(RecordWorkerJoined command) {
    assertNotJoined();
    apply(
        new WorkerJoined(
            command.workerId(),
            command.organisationId(),
            command.role(),
            command.livedExperience(),
            command.occurredAt()));
  }

  @CommandHandler
  void handle(RecordWorkerLeft command) {
    assertNotLeft();
    assertNotBeforeJoining(command.occurredAt());
    apply(new WorkerLeft(command.workerId(), command.occurredAt()));
  }

  @CommandHandler
  void handle(RecordReflectivePractice command) {
    assertInPost(command.occurredAt());
    apply(
        new ReflectivePracticeRecorded(
            command.workerId(), command.occurredAt(), command.minutes(), command.kind()));
  }

  private void assertNotJoined() {
    if (workerId != null) {
      throw new CommandRejectedException(
          BusinessErrorCode.WORKER_ALREADY_JOINED, "Worker " + workerId + " has already joined.");
    }
  }

  private void assertNotLeft() {
    if (leftAt != null) {
      throw new CommandRejectedException(
          BusinessErrorCode.WORKER_ALREADY_LEFT, "Worker " + workerId + " has already left.");
    }
  }

  private void assertNotBeforeJoining(Instant occurredAt) {
    if (occurredAt.isBefore(joinedAt)) {
      throw new CommandRejectedException(
          BusinessErrorCode.OCCURRED_BEFORE_JOINING,
          "occurredAt is before worker " + workerId + " joined.");
    }
  }

  private void assertInPost(Instant occurredAt) {
    if (!facts().inPostAt(occurredAt)) {
      throw new CommandRejectedException(
          BusinessErrorCode.WORKER_NOT_IN_POST,
          "Worker " + workerId + " was not in post at occurredAt.");
    }
  }

  @EventSourcingHandler
  void on(WorkerJoined event) {
    workerId = event.workerId();
    organisationId = event.organisationId();
    joinedAt = event.occurredAt();
  }

  @EventSourcingHandler
  void on(WorkerLeft event) {
    leftAt = event.occurredAt();
  }

  private WorkerFacts facts() {
    return new WorkerFacts(workerId, organisationId, joinedAt, leftAt);
  }
}
