package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.WorkerId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Booleans and numbers are boxed so that a missing field is refused rather than defaulted. */
public record HandOverWorker(
    @TargetAggregateIdentifier EpisodeId episodeId,
    WorkerId fromWorkerId,
    WorkerId toWorkerId,
    HandoverReason reason,
    Boolean warmIntroduction,
    Instant occurredAt)
    implements EpisodeCommand {}
