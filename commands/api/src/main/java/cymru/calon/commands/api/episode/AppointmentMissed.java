package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AppointmentMissed(
    EpisodeId episodeId, Instant occurredAt, MissedBy missedBy, FollowUp followUp)
    implements EpisodeEvent {}
