package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AssignWorker(
    @TargetAggregateIdentifier EpisodeId episodeId, WorkerId workerId, Instant occurredAt)
    implements EpisodeCommand {}
