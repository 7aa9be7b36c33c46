package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The key worker. */
@Revision("1")
public record WorkerAssigned(EpisodeId episodeId, WorkerId workerId, Instant occurredAt)
    implements EpisodeEvent {}
