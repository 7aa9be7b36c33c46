package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;

/** Every event of the Support episode aggregate. */
public sealed interface EpisodeEvent
    permits ReferralReceived,
        WorkerAssigned,
        WorkerHandedOver,
        ContactRecorded,
        AppointmentMissed,
        TrustMilestoneReached,
        RelationalCheckInRecorded,
        OutcomeAchieved,
        AftercarePlanned,
        AftercareEnded,
        StoryShared,
        FeedbackGiven,
        EpisodeClosed {
  EpisodeId episodeId();

  Instant occurredAt();
}
