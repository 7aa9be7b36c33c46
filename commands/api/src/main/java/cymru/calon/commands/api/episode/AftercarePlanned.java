package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import cymru.calon.commands.api.ids.OutcomeId;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Aftercare after an achieved outcome, planned to last until the given date (Europe/London). */
@Revision("1")
public record AftercarePlanned(
    EpisodeId episodeId, OutcomeId outcomeId, LocalDate until, Instant occurredAt)
    implements EpisodeEvent {}
