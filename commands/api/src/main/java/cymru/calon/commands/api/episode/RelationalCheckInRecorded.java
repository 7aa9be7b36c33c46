package cymru.calon.commands.api.episode;

import cymru.calon.commands.api.ids.EpisodeId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * Person-reported scores from 1 to 5; {@code language} is the BCP 47 tag of the language the
 * check-in was done in.
 */
@Revision("1")
public record RelationalCheckInRecorded(
    EpisodeId episodeId,
    Instant occurredAt,
    int listenedTo,
    int hadASay,
    int trustWorker,
    int feltSafe,
    String language)
    implements EpisodeEvent {}
