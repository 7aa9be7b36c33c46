package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordTrustMilestone(
    @TargetAggregateIdentifier EpisodeId episodeId,
    TrustMarker marker,
    ObservedBy observedBy,
    Instant occurredAt)
    implements EpisodeCommand {}
