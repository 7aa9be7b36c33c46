package cymru.calon.infra.integration;

import cymru.calon.commands.api.ids.OrganisationId;
import cymru.calon.commands.api.ids.WorkerId;
import cymru.calon.commands.api.worker.ReflectivePracticeKind;
import cymru.calon.commands.api.worker.WorkerRole;
import java.time.Instant;
import java.util.UUID;

/** Staff events, on {@link IntegrationTopics#WORKER}, keyed by worker (a pseudonymous id). */
public sealed interface WorkerIntegrationEvent extends IntegrationEvent {
  WorkerId workerId();

  @Override
  default String topic() {
    return IntegrationTopics.WORKER;
  }

  @Override
  default String key() {
    return workerId().toString();
  }

  record WorkerJoined(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      WorkerId workerId,
      OrganisationId organisationId,
      WorkerRole role,
      boolean livedExperience)
      implements WorkerIntegrationEvent {}

  record WorkerLeft(
      int schemaVersion, UUID eventId, Instant occurredAt, Instant recordedAt, WorkerId workerId)
      implements WorkerIntegrationEvent {}

  record ReflectivePracticeRecorded(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      WorkerId workerId,
      int minutes,
      ReflectivePracticeKind kind)
      implements WorkerIntegrationEvent {}
}
