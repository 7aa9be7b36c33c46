package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record EpisodeClosed(EpisodeId episodeId, ClosureReason reason, Instant occurredAt)
    implements EpisodeEvent {}
