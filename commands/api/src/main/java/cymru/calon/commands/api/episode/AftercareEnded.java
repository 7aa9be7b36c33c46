package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

@Revision("1")
public record AftercareEnded(EpisodeId episodeId, AftercareEndReason reason, Instant occurredAt)
    implements EpisodeEvent {}
