package cymru.calon.infra.warehouse;

import cymru.calon.commands.api.episode.AftercareEnded;
import cymru.calon.commands.api.episode.AftercarePlanned;
import cymru.calon.commands.api.episode.AppointmentMissed;
import cymru.calon.commands.api.episode.ContactRecorded;
import cymru.calon.commands.api.episode.EpisodeClosed;
import cymru.calon.commands.api.episode.FeedbackGiven;
import cymru.calon.commands.api.episode.OutcomeAchieved;
import cymru.calon.commands.api.episode.ReferralReceived;
import cymru.calon.commands.api.episode.RelationalCheckInRecorded;
import cymru.calon.commands.api.episode.StoryShared;
import cymru.calon.commands.api.episode.TrustMilestoneReached;
import cymru.calon.commands.api.episode.WorkerAssigned;
import cymru.calon.commands.api.episode.WorkerHandedOver;
import cymru.calon.commands.api.person.Sealed;
import cymru.calon.commands.api.service.KpiTargets;
import cymru.calon.commands.api.service.RelationalCommitments;
import cymru.calon.commands.api.service.ServiceCommissioned;
import cymru.calon.commands.api.service.ServiceContractVaried;
import cymru.calon.commands.api.worker.ReflectivePracticeRecorded;
import cymru.calon.commands.api.worker.WorkerJoined;
import cymru.calon.commands.api.worker.WorkerLeft;
import cymru.calon.infra.integration.EpisodeIntegrationEvent;
import cymru.calon.infra.integration.IntegrationEvent;
import cymru.calon.infra.integration.ServiceIntegrationEvent;
import cymru.calon.infra.integration.WorkerIntegrationEvent;
import java.util.Set;

/**
 * The inverse of {@code IntegrationEvents}: the domain event an integration event was made from, so
 * that the warehouse feeds the very projections Calon runs on its event store and its figures are
 * the same. Only what was published comes back; the fields that are not (a service's name, free
 * text; a story's text, personal data) come back empty.
 */
final class DomainEvents {
  /** A domain event as the projections' handlers receive it from a store. */
  record Stored(Object payload, String aggregateType, String aggregateId, long sequence) {}

  /** A story's text is personal data and never published: the warehouse counts stories only. */
  static final Sealed UNPUBLISHED_STORY = new Sealed("");

  /** What a service's name reads as in the warehouse: names are not published. */
  static final String UNPUBLISHED_NAME = "";

  private DomainEvents() {}

  static Stored of(IntegrationEvent event) {
    return switch (event) {
      case EpisodeIntegrationEvent e -> episode(e);
      case ServiceIntegrationEvent e ->
          new Stored(service(e), "Service", e.serviceId().toString(), 0);
      case WorkerIntegrationEvent e -> new Stored(worker(e), "Worker", e.workerId().toString(), 0);
    };
  }

  private static Stored episode(EpisodeIntegrationEvent event) {
    Long published =
        switch (event) {
          case EpisodeIntegrationEvent.ContactRecorded e -> e.sequence();
          case EpisodeIntegrationEvent.WorkerAssigned e -> e.sequence();
          case EpisodeIntegrationEvent.WorkerHandedOver e -> e.sequence();
          default -> null;
        };
    long sequence = published == null ? 0 : published;
    Object payload =
        switch (event) {
          case EpisodeIntegrationEvent.ReferralReceived e ->
              new ReferralReceived(
                  e.episodeId(), e.personId(), e.serviceId(), e.source(), e.occurredAt());
          case EpisodeIntegrationEvent.WorkerAssigned e ->
              new WorkerAssigned(e.episodeId(), e.workerId(), e.occurredAt());
          case EpisodeIntegrationEvent.WorkerHandedOver e ->
              new WorkerHandedOver(
                  e.episodeId(),
                  e.fromWorkerId(),
                  e.toWorkerId(),
                  e.reason(),
                  e.warmIntroduction(),
                  e.occurredAt());
          case EpisodeIntegrationEvent.ContactRecorded e ->
              new ContactRecorded(
                  e.episodeId(),
                  e.contactId(),
                  e.workerId(),
                  e.occurredAt(),
                  e.minutes(),
                  e.mode(),
                  e.setting(),
                  e.initiatedBy(),
                  e.interpreter(),
                  Set.copyOf(e.choicesOffered()),
                  e.storyRetold(),
                  e.purpose());
          case EpisodeIntegrationEvent.AppointmentMissed e ->
              new AppointmentMissed(e.episodeId(), e.occurredAt(), e.missedBy(), e.followUp());
          case EpisodeIntegrationEvent.TrustMilestoneReached e ->
              new TrustMilestoneReached(e.episodeId(), e.marker(), e.observedBy(), e.occurredAt());
          case EpisodeIntegrationEvent.RelationalCheckInRecorded e ->
              new RelationalCheckInRecorded(
                  e.episodeId(),
                  e.occurredAt(),
                  e.listenedTo(),
                  e.hadASay(),
                  e.trustWorker(),
                  e.feltSafe(),
                  e.language());
          case EpisodeIntegrationEvent.OutcomeAchieved e ->
              new OutcomeAchieved(
                  e.episodeId(), e.outcomeId(), e.outcomeType(), e.personDefined(), e.occurredAt());
          case EpisodeIntegrationEvent.AftercarePlanned e ->
              new AftercarePlanned(e.episodeId(), e.outcomeId(), e.until(), e.occurredAt());
          case EpisodeIntegrationEvent.AftercareEnded e ->
              new AftercareEnded(e.episodeId(), e.reason(), e.occurredAt());
          case EpisodeIntegrationEvent.FeedbackGiven e ->
              new FeedbackGiven(
                  e.episodeId(), e.occurredAt(), e.language(), e.translated(), e.complaint());
          case EpisodeIntegrationEvent.StoryShared e ->
              new StoryShared(
                  e.episodeId(),
                  e.storyId(),
                  UNPUBLISHED_STORY,
                  e.language(),
                  e.relationalValues(),
                  e.occurredAt());
          case EpisodeIntegrationEvent.EpisodeClosed e ->
              new EpisodeClosed(e.episodeId(), e.reason(), e.occurredAt());
        };
    return new Stored(payload, "SupportEpisode", event.episodeId().toString(), sequence);
  }

  private static Object service(ServiceIntegrationEvent event) {
    return switch (event) {
      case ServiceIntegrationEvent.ServiceCommissioned e ->
          new ServiceCommissioned(
              e.serviceId(),
              e.organisationId(),
              e.commissionerId(),
              UNPUBLISHED_NAME,
              e.cohort(),
              e.areaCode(),
              e.contractStart(),
              e.contractEnd(),
              kpi(e.kpiTargets()),
              relational(e.relationalCommitments()),
              e.occurredAt());
      case ServiceIntegrationEvent.ServiceContractVaried e ->
          new ServiceContractVaried(
              e.serviceId(),
              e.contractStart(),
              e.contractEnd(),
              kpi(e.kpiTargets()),
              relational(e.relationalCommitments()),
              e.occurredAt());
    };
  }

  private static Object worker(WorkerIntegrationEvent event) {
    return switch (event) {
      case WorkerIntegrationEvent.WorkerJoined e ->
          new WorkerJoined(
              e.workerId(), e.organisationId(), e.role(), e.livedExperience(), e.occurredAt());
      case WorkerIntegrationEvent.WorkerLeft e -> new WorkerLeft(e.workerId(), e.occurredAt());
      case WorkerIntegrationEvent.ReflectivePracticeRecorded e ->
          new ReflectivePracticeRecorded(e.workerId(), e.occurredAt(), e.minutes(), e.kind());
    };
  }

  private static KpiTargets kpi(ServiceIntegrationEvent.KpiTerms terms) {
    return terms == null
        ? null
        : new KpiTargets(terms.waitingWorkingDays(), terms.maxEpisodeDays());
  }

  private static RelationalCommitments relational(ServiceIntegrationEvent.RelationalTerms terms) {
    return terms == null
        ? null
        : new RelationalCommitments(terms.aftercareWeeks(), terms.maxCaseload());
  }
}
