package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PlanAftercare(
    @TargetAggregateIdentifier EpisodeId episodeId,
    OutcomeId outcomeId,
    LocalDate until,
    Instant occurredAt)
    implements EpisodeCommand {}
