package cymru.calon.infra.integration;

import cymru.calon.commands.api.episode.AftercareEndReason;
import cymru.calon.commands.api.episode.Choice;
import cymru.calon.commands.api.episode.ClosureReason;
import cymru.calon.commands.api.episode.ContactMode;
import cymru.calon.commands.api.episode.ContactPurpose;
import cymru.calon.commands.api.episode.ContactSetting;
import cymru.calon.commands.api.episode.FollowUp;
import cymru.calon.commands.api.episode.HandoverReason;
import cymru.calon.commands.api.episode.InitiatedBy;
import cymru.calon.commands.api.episode.InterpreterUse;
import cymru.calon.commands.api.episode.MissedBy;
import cymru.calon.commands.api.episode.ObservedBy;
import cymru.calon.commands.api.episode.OutcomeType;
import cymru.calon.commands.api.episode.ReferralSource;
import cymru.calon.commands.api.episode.TrustMarker;
import cymru.calon.commands.api.ids.ContactId;
import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import cymru.calon.commands.api.ids.PersonId;
import cymru.calon.commands.api.ids.ServiceId;
import cymru.calon.commands.api.ids.StoryId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What happened in a support episode, on {@link IntegrationTopics#EPISODE}, keyed by episode. A
 * {@code language} is a BCP 47 tag (a code, never text in that language).
 */
public sealed interface EpisodeIntegrationEvent extends IntegrationEvent {
  EpisodeId episodeId();

  @Override
  default String topic() {
    return IntegrationTopics.EPISODE;
  }

  @Override
  default String key() {
    return episodeId().toString();
  }

  /** {@code personId} is the pseudonym, so re-referrals of one person can be counted. */
  record ReferralReceived(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      PersonId personId,
      ServiceId serviceId,
      ReferralSource source)
      implements EpisodeIntegrationEvent {}

  /**
   * {@code sequence} (here, on {@link WorkerHandedOver} and on {@link ContactRecorded}) is the
   * event's position in its episode's history, 0 for the referral: it orders the changes of key
   * worker, and contacts at the same instant, as the store does. Added to v1 as an optional field;
   * a record without it reads as 0.
   */
  record WorkerAssigned(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      WorkerId workerId,
      Long sequence)
      implements EpisodeIntegrationEvent {}

  record WorkerHandedOver(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      WorkerId fromWorkerId,
      WorkerId toWorkerId,
      HandoverReason reason,
      boolean warmIntroduction,
      Long sequence)
      implements EpisodeIntegrationEvent {}

  /** {@code choicesOffered} in the order of {@link Choice}'s constants. */
  record ContactRecorded(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      ContactId contactId,
      WorkerId workerId,
      int minutes,
      ContactMode mode,
      ContactSetting setting,
      InitiatedBy initiatedBy,
      InterpreterUse interpreter,
      List<Choice> choicesOffered,
      boolean storyRetold,
      ContactPurpose purpose,
      Long sequence)
      implements EpisodeIntegrationEvent {
    public ContactRecorded {
      choicesOffered = List.copyOf(choicesOffered);
    }
  }

  record AppointmentMissed(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      MissedBy missedBy,
      FollowUp followUp)
      implements EpisodeIntegrationEvent {}

  record TrustMilestoneReached(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      TrustMarker marker,
      ObservedBy observedBy)
      implements EpisodeIntegrationEvent {}

  /** Person-reported scores from 1 to 5. */
  record RelationalCheckInRecorded(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      int listenedTo,
      int hadASay,
      int trustWorker,
      int feltSafe,
      String language)
      implements EpisodeIntegrationEvent {}

  record OutcomeAchieved(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      OutcomeId outcomeId,
      OutcomeType outcomeType,
      boolean personDefined)
      implements EpisodeIntegrationEvent {}

  /** {@code until} is a local date (Europe/London). */
  record AftercarePlanned(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      OutcomeId outcomeId,
      LocalDate until)
      implements EpisodeIntegrationEvent {}

  record AftercareEnded(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      AftercareEndReason reason)
      implements EpisodeIntegrationEvent {}

  record FeedbackGiven(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      String language,
      boolean translated,
      boolean complaint)
      implements EpisodeIntegrationEvent {}

  /** A story was shared: its text is personal data and is never published. */
  record StoryShared(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      StoryId storyId,
      String language,
      Set<Integer> relationalValues)
      implements EpisodeIntegrationEvent {}

  record EpisodeClosed(
      int schemaVersion,
      UUID eventId,
      Instant occurredAt,
      Instant recordedAt,
      EpisodeId episodeId,
      ClosureReason reason)
      implements EpisodeIntegrationEvent {}
}
