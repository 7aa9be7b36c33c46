package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.Command;
import cymru.calon.commands.api.ids.EpisodeId;

/** Every command handled by the Support episode aggregate. */
public sealed interface EpisodeCommand extends Command
    permits ReceiveReferral,
        AssignWorker,
        HandOverWorker,
        RecordContact,
        RecordMissedAppointment,
        RecordTrustMilestone,
        RecordRelationalCheckIn,
        AchieveOutcome,
        PlanAftercare,
        EndAftercare,
        ShareStory,
        GiveFeedback,
        CloseEpisode {
  EpisodeId episodeId();
}
