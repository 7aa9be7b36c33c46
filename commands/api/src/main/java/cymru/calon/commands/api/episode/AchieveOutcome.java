package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Booleans and numbers are boxed so that a missing field is refused rather than defaulted. */
public record AchieveOutcome(
    @TargetAggregateIdentifier EpisodeId episodeId,
    OutcomeId outcomeId,
    OutcomeType outcomeType,
    Boolean personDefined,
    Instant occurredAt)
    implements EpisodeCommand {}
