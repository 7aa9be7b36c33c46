package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordMissedAppointment(
    @TargetAggregateIdentifier EpisodeId episodeId,
    Instant occurredAt,
    MissedBy missedBy,
    FollowUp followUp)
    implements EpisodeCommand {}
