package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record CloseEpisode(
    @TargetAggregateIdentifier EpisodeId episodeId, ClosureReason reason, Instant occurredAt)
    implements EpisodeCommand {}
