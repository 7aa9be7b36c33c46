package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Booleans and numbers are boxed so that a missing field is refused rather than defaulted. */
public record GiveFeedback(
    @TargetAggregateIdentifier EpisodeId episodeId,
    Instant occurredAt,
    String language,
    Boolean translated,
    Boolean complaint)
    implements EpisodeCommand {}
