package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** {@code personDefined} is true when the goal was set by the person. */
@Revision("1")
public record OutcomeAchieved(
    EpisodeId episodeId,
    OutcomeId outcomeId,
    OutcomeType outcomeType,
    boolean personDefined,
    Instant occurredAt)
    implements EpisodeEvent {}
