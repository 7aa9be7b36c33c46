package cymru.calon.infra.integration;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An event Calon publishes to other systems: an explicit, versioned contract, separate from the
 * stored domain events so that either can change without the other. It carries pseudonymous ids,
 * codes, dates, durations, counts and flags only — never free text, names or anything a person
 * could be recognised by (see {@link IntegrationEvents} for the field-by-field allow-list).
 *
 * <p>{@code eventId} is the identifier of the domain event it was made from, so a consumer drops
 * the duplicates that at-least-once delivery can bring; {@code occurredAt} is when it happened,
 * {@code recordedAt} when Calon learned it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "type")
@JsonPropertyOrder({"type", "schemaVersion", "eventId", "occurredAt", "recordedAt"})
public sealed interface IntegrationEvent
    permits EpisodeIntegrationEvent, ServiceIntegrationEvent, WorkerIntegrationEvent {
  /** The version of every event's schema in this release (the {@code .v1} of the topics). */
  int SCHEMA_VERSION = 1;

  int schemaVersion();

  UUID eventId();

  Instant occurredAt();

  Instant recordedAt();

  /** The topic this event is published to. */
  String topic();

  /** The record key: the id of the episode, service or worker the event is about. */
  String key();
}
