package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Feedback from the person; {@code language} is a BCP 47 tag, {@code translated} true when it was
 * given through translation.
 */
@Revision("1")
public record FeedbackGiven(
    EpisodeId episodeId, Instant occurredAt, String language, boolean translated, boolean complaint)
    implements EpisodeEvent {}
