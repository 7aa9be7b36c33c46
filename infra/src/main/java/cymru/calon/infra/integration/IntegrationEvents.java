package cymru.calon.infra.integration;

import static cymru.calon.infra.integration.IntegrationEvent.SCHEMA_VERSION;

import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.EpisodeEvent;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.person.ConsentRecorded;
import cymru.calon.commands.api.person.PersonEvent;
import cymru.calon.commands.api.person.PersonForgotten;
import cymru.calon.commands.api.person.PersonRegistered;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.service.ServiceEvent;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerEvent;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The allow-list from domain events to integration events: every published field is named here, one
 * by one, so a field added to a domain event is not published until someone decides it may be. The
 * switches are exhaustive over the sealed event families, so a new domain event does not compile
 * until it is either mapped or added to {@link #NOT_PUBLISHED}.
 */
public final class IntegrationEvents {
  /**
   * Domain events deliberately never published: the person's own events (registration with its
   * sealed details, consent, erasure). A shared story is published without its text.
   */
  public static final Set<Class<?>> NOT_PUBLISHED =
      Set.of(PersonRegistered.class, ConsentRecorded.class, PersonForgotten.class);

  private IntegrationEvents() {}

  /**
   * The integration event for a domain event, or empty when it is not published.
   *
   * @param eventId the domain event's identifier (Axon's message identifier)
   * @param recordedAt the event store's timestamp
   * @param sequence the event's sequence number in its aggregate's history
   */
  public static Optional<IntegrationEvent> of(
      Object payload, UUID eventId, Instant recordedAt, long sequence) {
    return switch (payload) {
      case EpisodeEvent event -> Optional.of(episode(event, eventId, recordedAt, sequence));
      case ServiceEvent event -> Optional.of(service(event, eventId, recordedAt));
      case WorkerEvent event -> Optional.of(worker(event, eventId, recordedAt));
      case PersonEvent event -> Optional.empty();
      default -> Optional.empty();
    };
  }

  private static EpisodeIntegrationEvent episode(
      EpisodeEvent event, UUID id, Instant recorded, long sequence) {
    int v = SCHEMA_VERSION;
    return switch (event) {
      case ReferralReceived e ->
          new EpisodeIntegrationEvent.ReferralReceived(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.personId(),
              e.serviceId(),
              e.source());
      case WorkerAssigned e ->
          new EpisodeIntegrationEvent.WorkerAssigned(
              v, id, e.occurredAt(), recorded, e.episodeId(), e.workerId(), sequence);
      case WorkerHandedOver e ->
          new EpisodeIntegrationEvent.WorkerHandedOver(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.fromWorkerId(),
              e.toWorkerId(),
              e.reason(),
              e.warmIntroduction(),
              sequence);
      case ContactRecorded e ->
          new EpisodeIntegrationEvent.ContactRecorded(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.contactId(),
              e.workerId(),
              e.minutes(),
              e.mode(),
              e.setting(),
              e.initiatedBy(),
              e.interpreter(),
              List.copyOf(e.choicesOffered()),
              e.storyRetold(),
              e.purpose(),
              sequence);
      case AppointmentMissed e ->
          new EpisodeIntegrationEvent.AppointmentMissed(
              v, id, e.occurredAt(), recorded, e.episodeId(), e.missedBy(), e.followUp());
      case TrustMilestoneReached e ->
          new EpisodeIntegrationEvent.TrustMilestoneReached(
              v, id, e.occurredAt(), recorded, e.episodeId(), e.marker(), e.observedBy());
      case RelationalCheckInRecorded e ->
          new EpisodeIntegrationEvent.RelationalCheckInRecorded(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.listenedTo(),
              e.hadASay(),
              e.trustWorker(),
              e.feltSafe(),
              e.language());
      case OutcomeAchieved e ->
          new EpisodeIntegrationEvent.OutcomeAchieved(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.outcomeId(),
              e.outcomeType(),
              e.personDefined());
      case AftercarePlanned e ->
          new EpisodeIntegrationEvent.AftercarePlanned(
              v, id, e.occurredAt(), recorded, e.episodeId(), e.outcomeId(), e.until());
      case AftercareEnded e ->
          new EpisodeIntegrationEvent.AftercareEnded(
              v, id, e.occurredAt(), recorded, e.episodeId(), e.reason());
      case FeedbackGiven e ->
          new EpisodeIntegrationEvent.FeedbackGiven(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.language(),
              e.translated(),
              e.complaint());
      case StoryShared e ->
          new EpisodeIntegrationEvent.StoryShared(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.episodeId(),
              e.storyId(),
              e.language(),
              e.relationalValues());
      case EpisodeClosed e ->
          new EpisodeIntegrationEvent.EpisodeClosed(
              v, id, e.occurredAt(), recorded, e.episodeId(), e.reason());
    };
  }

  private static ServiceIntegrationEvent service(ServiceEvent event, UUID id, Instant recorded) {
    int v = SCHEMA_VERSION;
    return switch (event) {
      // Not the name: free text, and consumers key on the id.
      case ServiceCommissioned e ->
          new ServiceIntegrationEvent.ServiceCommissioned(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.serviceId(),
              e.organisationId(),
              e.commissionerId(),
              e.cohort(),
              e.areaCode(),
              e.contractStart(),
              e.contractEnd(),
              kpi(e.kpiTargets() == null ? KpiTargets.standard() : e.kpiTargets()),
              relational(
                  e.relationalCommitments() == null
                      ? RelationalCommitments.none()
                      : e.relationalCommitments()));
      case ServiceContractVaried e ->
          new ServiceIntegrationEvent.ServiceContractVaried(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.serviceId(),
              e.contractStart(),
              e.contractEnd(),
              e.kpiTargets() == null ? null : kpi(e.kpiTargets()),
              e.relationalCommitments() == null ? null : relational(e.relationalCommitments()));
    };
  }

  private static WorkerIntegrationEvent worker(WorkerEvent event, UUID id, Instant recorded) {
    int v = SCHEMA_VERSION;
    return switch (event) {
      case WorkerJoined e ->
          new WorkerIntegrationEvent.WorkerJoined(
              v,
              id,
              e.occurredAt(),
              recorded,
              e.workerId(),
              e.organisationId(),
              e.role(),
              e.livedExperience());
      case WorkerLeft e ->
          new WorkerIntegrationEvent.WorkerLeft(v, id, e.occurredAt(), recorded, e.workerId());
      case ReflectivePracticeRecorded e ->
          new WorkerIntegrationEvent.ReflectivePracticeRecorded(
              v, id, e.occurredAt(), recorded, e.workerId(), e.minutes(), e.kind());
    };
  }

  private static ServiceIntegrationEvent.KpiTerms kpi(KpiTargets targets) {
    return new ServiceIntegrationEvent.KpiTerms(
        targets.waitingWorkingDays(), targets.maxEpisodeDays());
  }

  private static ServiceIntegrationEvent.RelationalTerms relational(RelationalCommitments terms) {
    return new ServiceIntegrationEvent.RelationalTerms(terms.aftercareWeeks(), terms.maxCaseload());
  }
}
